import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parse, stringify } from 'yaml';

/** A content folder as text files keyed by their path inside it (`sections/x.mdx`, `references.yaml` …). */
export type Corpus = Map<string, string>;

type Rec = Record<string, unknown>;

/**
 * A corpus `factor` times larger: sections, studies, materials, reactions and references are repeated, each copy
 * with its own ids (`<id>-x<k>`), reference numbers shifted past the review's, section numbers in link texts shifted
 * past the review's parts, and every relation of a copy pointing into the same copy, so the result is valid against
 * the schemas and the graph checks. Techniques, cells and the glossary are shared (a cell admitting each copy of its
 * electrolytes). Pure.
 */
export function multiplyCorpus(corpus: Corpus, factor: number): Corpus {
  if (!Number.isInteger(factor) || factor < 1) throw new Error(`factor must be a positive integer, not ${factor}`);
  const out: Corpus = new Map(corpus);
  const refsText = corpus.get('references.yaml');
  if (refsText === undefined) throw new Error('the corpus has no references.yaml');
  const refs = parse(refsText) as Rec[];
  const refCount = refs.length;
  const ids = (folder: string) => new Set([...corpus.keys()].filter((p) => p.startsWith(`${folder}/`)).map((p) => p.slice(folder.length + 1).replace(/\.[^.]+$/, '')));
  const known = { section: ids('sections'), study: ids('studies'), material: ids('materials'), reaction: ids('reactions') };
  const topLevel = [...corpus].filter(([p, t]) => p.startsWith('sections/') && !/^parent:/m.test(frontmatterOf(t)[0])).length;

  for (let k = 1; k < factor; k++) {
    const id = (kind: keyof typeof known) => (x: string) => (known[kind].has(x) ? `${x}-x${k}` : x);
    const section = id('section'), study = id('study'), material = id('material'), reaction = id('reaction');
    const ref = (n: number) => n + k * refCount;
    const materials = (list: unknown) => (Array.isArray(list) ? list.map((m) => material(String(m))) : list);
    const copyName = (path: string, rename: (x: string) => string) => path.replace(/([^/]+)(\.[^.]+)$/, (_, base: string, ext: string) => `${rename(base)}${ext}`);

    for (const [path, text] of corpus) {
      if (path.startsWith('sections/')) {
        const [front, body] = frontmatterOf(text);
        const data = parse(front) as Rec;
        data.slug = section(String(data.slug));
        data.title = `${String(data.title)} (copy ${k})`;
        if (data.parent) data.parent = section(String(data.parent));
        else data.order = Number(data.order) + k * topLevel;
        const newBody = body
          .replace(/\[@([^\]]+)\]/g, (_, inner: string) => `[@${inner.replace(/\d+/g, (n) => String(ref(Number(n))))}]`)
          // "[Section 2.2](section:…)" names the copy's number: its part comes k × topLevel parts later.
          .replace(/\[(Sections? )(\d+)((?:\.\d+)*)\]\(section:/g, (_, word: string, part: string, rest: string) => `[${word}${Number(part) + k * topLevel}${rest}](section:`)
          .replace(/\]\((section|study|material|reaction):([a-z0-9-]+)([)#])/g, (_, kind: keyof typeof known, x: string, end: string) => `](${kind}:${id(kind)(x)}${end}`)
          .replace(/<(Study|Reaction) id="([a-z0-9-]+)"/g, (_, tag: string, x: string) => `<${tag} id="${(tag === 'Study' ? study : reaction)(x)}"`);
        out.set(copyName(path, section), `---\n${stringify(data)}---\n${newBody}`);
      } else if (path.startsWith('studies/')) {
        const d = parse(text) as Rec;
        // A copy's own title: the whole edition's page holds every card, and two landmarks may not share a name.
        d.title = `${String(d.title)} (copy ${k})`;
        d.references = (d.references as number[]).map(ref);
        d.section = section(String(d.section));
        d.materials = materials(d.materials);
        if (Array.isArray(d.reactions)) d.reactions = d.reactions.map((r) => reaction(String(r)));
        const cell = d.cell as Rec;
        for (const part of Object.values(cell)) if (part && typeof part === 'object' && 'materials' in part) (part as Rec).materials = materials((part as Rec).materials);
        out.set(copyName(path, study), stringify(d));
      } else if (path.startsWith('materials/')) {
        const d = parse(text) as Rec;
        if (Array.isArray(d.properties)) for (const p of d.properties as Rec[]) if (typeof p.reference === 'number') p.reference = ref(p.reference);
        out.set(copyName(path, material), stringify(d));
      } else if (path.startsWith('reactions/')) {
        const d = parse(text) as Rec;
        d.materials = materials(d.materials);
        if (d.study) d.study = study(String(d.study));
        if (d.follows) d.follows = reaction(String(d.follows));
        out.set(copyName(path, reaction), stringify(d));
      }
    }
    refs.push(...refs.slice(0, refCount).map((r) => ({ ...r, n: ref(Number(r.n)) })));
  }
  // A shared cell admits each copy of its electrolytes, so that every copy of a study stays filed under its cell.
  for (const [path, text] of corpus)
    if (path.startsWith('cells/')) {
      const d = parse(text) as Rec;
      if (Array.isArray(d.electrolytes))
        d.electrolytes = d.electrolytes.flatMap((m) => [m, ...Array.from({ length: factor - 1 }, (_, i) => (known.material.has(String(m)) ? `${String(m)}-x${i + 1}` : []))].flat());
      out.set(path, stringify(d));
    }
  out.set('references.yaml', stringify(refs));
  return out;
}

/** The YAML frontmatter of an MDX file and the body after it. */
function frontmatterOf(text: string): [string, string] {
  const m = /^---\n([\s\S]*?)\n---\n?/.exec(text);
  if (!m) throw new Error('a section file without frontmatter');
  return [m[1]!, text.slice(m[0].length)];
}

/** Reads every file under `dir` into a corpus. */
export function readCorpus(dir: string): Corpus {
  const corpus: Corpus = new Map();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (e.isFile()) {
      const file = join(e.parentPath, e.name);
      corpus.set(relative(dir, file), readFileSync(file, 'utf8'));
    }
  return corpus;
}

/** Writes a corpus under `dir`. */
export function writeCorpus(dir: string, corpus: Corpus): void {
  for (const [path, text] of corpus) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}
