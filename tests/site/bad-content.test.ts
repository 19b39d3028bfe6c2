import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject } from './project-copy';

/**
 * Each case breaks the content in one way, runs the real build in a copy of the project, and checks that the build
 * fails with a message naming the file, the field or line, and the bad value. The cases add files rather than edit
 * existing ones, so they hold whatever the edition's text is.
 */
const section = (slug: string, body: string, extra = '') =>
  `---\nslug: ${slug}\ntitle: Broken section\nsummary: A section that breaks the build.\norder: 99\n${extra}---\n\n${body}\n`;
const study = (fields: string) => `title: Broken study
references: [1]
year: 2016
section: introduction
system: a system
cell:
  type: solid-state-open-cell
  working: { text: electrode }
  electrolyte: { text: electrolyte }
processes: [lithiation]
techniques: [hrtem]
materials: [li-metal]
observations: [something]
${fields}`;

interface Case {
  name: string;
  /**
   * The build stops at this error before the content graph runs (schema, MDX syntax, TeX in MDX), or passes the graph
   * and fails the output checks: either way the case needs a build of its own.
   */
  early?: boolean;
  /**
   * The check of content/'s files (src/lib/content-files.ts: names, encoding, schemas) reports it before anything
   * loads, with every other problem of that kind: these cases share one build.
   */
  filesCheck?: boolean;
  /** Files to add, as text or (for an encoding case) as bytes. */
  files: Record<string, string | Uint8Array>;
  append?: Record<string, string>;
  expect: RegExp[];
}

const cases: Case[] = [
  { name: 'unknown citation number', files: { 'content/sections/zz-bad.mdx': section('zz-bad', 'Text [@1] and [@240].') }, expect: [/content\/sections\/zz-bad\.mdx:8:\d+/, /unknown reference number 240/] },
  { name: 'malformed citation', files: { 'content/sections/zz-bad.mdx': section('zz-bad', 'Text [@12b].') }, expect: [/zz-bad\.mdx/, /8:6/, /malformed citation "\[@12b\]"/] },
  { name: 'unknown material id', files: { 'content/sections/zz-bad.mdx': section('zz-bad', 'The [oxide](material:licoo3) [@1].') }, expect: [/zz-bad\.mdx:8:5/, /unknown material id "licoo3" \(nearest: licoo2/] },
  { name: 'unknown technique id', files: { 'content/sections/zz-bad.mdx': section('zz-bad', 'By [EELS](technique:eel) [@1].') }, expect: [/zz-bad\.mdx:8:4/, /unknown technique id "eel" \(nearest: eels/] },
  { name: 'unknown cell id', files: { 'content/sections/zz-bad.mdx': section('zz-bad', 'In a [cell](cell:open-cel) [@1].') }, expect: [/zz-bad\.mdx:8:6/, /unknown cell id "open-cel"/] },
  { name: 'unknown section id', files: { 'content/sections/zz-bad.mdx': section('zz-bad', 'See [there](section:introductio) [@1].') }, expect: [/zz-bad\.mdx:8:5/, /unknown section id "introductio" \(nearest: introduction/] },
  { name: 'unknown reaction id', files: { 'content/sections/zz-bad.mdx': section('zz-bad', 'Text [@1].\n\n<Reaction id="no-such-reaction" />') }, expect: [/zz-bad\.mdx:10:1/, /unknown reaction id "no-such-reaction"/] },
  { name: 'unknown parent section', files: { 'content/sections/zz-bad.mdx': section('zz-bad', 'Text [@1].', 'parent: cathode\n') }, expect: [/zz-bad\.mdx \(parent\)/, /unknown section id "cathode" \(nearest: cathodes/] },
  { name: 'duplicate section slug', early: true, files: { 'content/sections/zz-bad.mdx': section('introduction', 'Text [@1].') }, expect: [/introduction/, /zz-bad\.mdx/] },
  { name: 'missing required frontmatter field', early: true, filesCheck: true, files: { 'content/sections/zz-bad.mdx': '---\nslug: zz-bad\nsummary: No title.\norder: 99\n---\n\nText [@1].\n' }, expect: [/content\/sections\/zz-bad\.mdx:2:1 \(title\): required field missing \(text expected\) \[schema\]/] },
  { name: 'empty title', early: true, filesCheck: true, files: { 'content/sections/zz-bad.mdx': section('zz-bad', 'Text [@1].').replace('title: Broken section', "title: ' '") }, expect: [/content\/sections\/zz-bad\.mdx:3:8 \(title\): must not be empty \(value: " "\) \[schema\]/] },
  { name: 'wrong type in a study', early: true, filesCheck: true, files: { 'content/studies/zz-bad.yaml': study('quantities: [{ quantity: size, value: 5 }]\n').replace('year: 2016', 'year: "twenty"') }, expect: [/content\/studies\/zz-bad\.yaml:3:7 \(year\): expected a number, got "twenty" \[schema\]/] },
  { name: 'unknown technique in a study', files: { 'content/studies/zz-bad.yaml': study('').replace('[hrtem]', '[hrtem, stemm]') }, expect: [/content\/studies\/zz-bad\.yaml \(techniques\[1\]\)/, /unknown technique id "stemm" \(nearest: stem/] },
  { name: 'malformed TeX', early: true, files: { 'content/sections/zz-bad.mdx': section('zz-bad', 'A formula $\\frac{1}$ [@1].') }, expect: [/zz-bad\.mdx/, /8:11/, /KaTeX parse error/, /\\frac\{1\}/] },
  { name: 'a link KaTeX refuses, in a section body', early: true, files: { 'content/sections/zz-bad.mdx': section('zz-bad', 'A link $\\href{javascript:alert(1)}{x}$ [@1].') }, expect: [/zz-bad\.mdx/, /8:8/, /KaTeX refused \\href in \$\\href\{javascript:alert\(1\)\}\{x\}\$, which it would show as red text/] },
  { name: 'a URL KaTeX refuses, in a study\'s text', files: { 'content/studies/zz-bad.yaml': study("implications: ['Seen at $\\url{https://example.org/}$.']\n") }, expect: [/content\/studies\/zz-bad\.yaml \(implications\[0\]\)/, /TeX does not render: KaTeX refused \\url in \$\\url\{https:\/\/example\.org\/\}\$, which it would show as red text/, /"Seen at \$\\\\url\{https:\/\/example\.org\/\}\$\."/] },
  { name: 'unpaired $ in a section summary', files: { 'content/sections/zz-bad.mdx': section('zz-bad', 'Text [@1].').replace('summary: A section that breaks the build.', 'summary: Li grown in $\\ce{CO2} gas.') }, expect: [/content\/sections\/zz-bad\.mdx \(summary\)/, /TeX does not render: unpaired "\$"/, /Li grown in \$\\\\ce\{CO2\} gas\./] },
  { name: 'unknown reference cited in a study\'s text', files: { 'content/studies/zz-bad.yaml': study('implications: ["As in [@12, 240]."]\n') }, expect: [/content\/studies\/zz-bad\.yaml \(implications\[0\]\)/, /unknown reference number 240/, /"As in \[@12, 240\]\."/] },
  { name: 'malformed \\ce{} in data', files: { 'content/materials/zz-bad.yaml': "name: broken\nformula: 'Li2O}'\nroles: [anode]\nfamily: other\nsummary: broken\n" }, expect: [/content\/materials\/zz-bad\.yaml \(formula\)/, /TeX does not render/, /"Li2O\}"/] },
  { name: 'broken MDX', early: true, files: { 'content/sections/zz-bad.mdx': section('zz-bad', 'Text [@1] with <Study id="x"\n\nmore.') }, expect: [/zz-bad\.mdx/, /MDX|Unexpected|expected/] },
  { name: 'duplicate reference number', files: {}, append: { 'content/references.yaml': '- n: 237\n  authors: "A. Person et al."\n  container: "Nano Lett."\n  year: 2020\n' }, expect: [/content\/references\.yaml/, /\(n\): duplicate reference number 237 \(A\. Person et al\.; the first is S\. Ahmed et al\.\)/] },
  { name: 'reference cited nowhere', files: {}, append: { 'content/references.yaml': '- n: 238\n  authors: "A. Person et al."\n  container: "Nano Lett."\n  year: 2020\n' }, expect: [/content\/references\.yaml \(n: 238\)/, /reference 238 \(A\. Person et al\., Nano Lett\. 2020\) is cited in no section/] },
  { name: 'reference the exports cannot express', files: {}, append: { 'content/references.yaml': '- n: 239\n  authors: "A. Person et al."\n  container: "Nano Lett."\n  year: 2020\n  pages: "12{3}"\n' }, expect: [/content\/references\.yaml \(n: 239, pages\)/, /reference 239, field "pages": holds a character BibTeX and RIS cannot carry/, /\[reference-export\]/] },
  { name: 'every citation and link problem of a file, each naming its fault', files: { 'content/sections/zz-bad.mdx': section('zz-bad', 'Text [@0] and [@241], [@3–1] and [oxide](material:LiCoO2) [@1].') }, expect: [/content\/sections\/zz-bad\.mdx:8:6: malformed citation "\[@0\]": there is no reference 0: the review numbers its references from 1 \[citation-syntax\]/, /zz-bad\.mdx:8:15 \(citation\): unknown reference number 241 \(the review has \d+\) \[unknown-id\]/, /zz-bad\.mdx:8:23: malformed citation "\[@3–1\]": the range "3–1" runs backwards: write the lower number first \(1–3\) \[citation-syntax\]/, /zz-bad\.mdx:8:34: malformed material link "material:LiCoO2": the id must be lower-case words joined by hyphens \[link-syntax\]/] },
  { name: 'raw HTML the edition did not mean', files: { 'content/sections/zz-bad.mdx': section('zz-bad', 'Text [@1] <span onmouseover="alert(1)">tip</span> and <a href="javascript:alert(1)">x</a>.\n\n<img src="https://example.org/x.png" />\n\n<style>{"p { color: red }"}</style>') }, expect: [/content\/sections\/zz-bad\.mdx:8:11: <span> has an event-handler attribute "onmouseover", which runs script \[markup\]/, /zz-bad\.mdx:8:55: <a> has a script URL in href \("javascript:alert\(1\)"\) \[markup\]/, /zz-bad\.mdx:10:1: <img> loads "https:\/\/example\.org\/x\.png" from another origin \(src\): pages load only the edition's own files \[markup\]/, /zz-bad\.mdx:12:1: <style> is not allowed in a section body: the edition's styles are files of its own \[markup\]/] },
  { name: 'duplicate heading in a section', files: { 'content/sections/zz-bad.mdx': section('zz-bad', 'Text [@1].\n\n## Notes\n\nA.\n\n## Notes\n\nB.') }, expect: [/content\/sections\/zz-bad\.mdx:14:1: duplicate heading "Notes" \(the same anchor as the heading at line 10\): the edition does not rename an anchor, so give each heading its own words \[duplicate\]/] },
  { name: 'files no collection would read', early: true, filesCheck: true, files: { 'content/studies/zz-bad.yml': study('').replace('year: 2016', 'year: "twenty"'), 'content/sections/zz-bad.md': section('zz-bad', 'Text [@999].'), 'content/materials/Zz-Upper.yaml': "name: upper\nformula: 'Li'\nroles: [anode]\nfamily: other\nsummary: upper\n" }, expect: [/content\/materials\/Zz-Upper\.yaml: not read: a file's name is lower-case words joined by hyphens, and "Zz-Upper" is not \(the edition does not rename or re-case it\) \[unread-file\]/, /content\/sections\/zz-bad\.md: not read: the files of content\/sections\/ end in \.mdx \[unread-file\]/, /content\/studies\/zz-bad\.yml: not read: the files of content\/studies\/ end in \.yaml \[unread-file\]/] },
  { name: 'a byte that is not UTF-8, in YAML and in MDX', early: true, filesCheck: true, files: { 'content/studies/zz-bad.yaml': Buffer.from(study('').replace('a system', 'caf\u00e9 system'), 'latin1'), 'content/sections/zz-bad.mdx': Buffer.from(section('zz-bad', 'Caf\u00e9 [@1].'), 'latin1') }, expect: [/content\/sections\/zz-bad\.mdx:8: byte 0xE9 at offset 99 is not UTF-8: save the file as UTF-8 \[encoding\]/, /content\/studies\/zz-bad\.yaml:5: byte 0xE9 at offset 80 is not UTF-8: save the file as UTF-8 \[encoding\]/] },
  { name: 'a second glossary entry for a term', files: {}, append: { 'content/glossary.yaml': '- id: zz-lco\n  term: LCO\n  expansion: low-cost oxide\n' }, expect: [/content\/glossary\.yaml:\d+ \(term\): duplicate glossary term "LCO": entry "lco" at line \d+ has it too, and a page can expand it only one way \[duplicate\]/] },
];

let project: ReturnType<typeof copyProject>;
beforeAll(() => {
  project = copyProject();
});
afterAll(() => project?.remove());

/** Writes the cases' files into the copy, builds it, puts everything back, and returns the build's exit and output. */
async function buildWith(broken: Case[]): Promise<{ status: number; output: string }> {
  const touched: string[] = [];
  const original = new Map<string, string>();
  for (const { files, append } of broken) {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(project.dir, path, '..'), { recursive: true });
      writeFileSync(join(project.dir, path), text);
      touched.push(path);
    }
    for (const [path, text] of Object.entries(append ?? {})) {
      const full = join(project.dir, path);
      if (!original.has(path)) original.set(path, readFileSync(full, 'utf8'));
      appendFileSync(full, text);
    }
  }
  try {
    return await project.build();
  } finally {
    for (const path of touched) rmSync(join(project.dir, path));
    for (const [path, text] of original) writeFileSync(join(project.dir, path), text);
  }
}

/** A case given its own file names (zz-bad → zz-bad-3), so that several can stand in one build. */
function renamed(c: Case, i: number): Case {
  const name = (text: string) => text.replaceAll('zz-bad', `zz-bad-${i}`);
  return {
    ...c,
    files: Object.fromEntries(Object.entries(c.files).map(([path, text]) => [name(path), typeof text === 'string' ? name(text) : text])),
    expect: c.expect.map((re) => new RegExp(name(re.source), re.flags)),
  };
}

/** What the copy's dist/ holds before a build: nothing, or a last good site of one file. */
function lastGood(site: 'absent' | 'present') {
  const dist = join(project.dir, 'dist');
  rmSync(dist, { recursive: true, force: true });
  if (site === 'present') {
    mkdirSync(dist);
    writeFileSync(join(dist, 'last-good.txt'), 'kept');
  }
}

/** The build failed, said what it was told to, and published nothing: dist/ is as it was before (`lastGood`). */
function expectFailure({ status, output }: { status: number; output: string }, patterns: RegExp[], site: 'absent' | 'present') {
  expect(status, output).not.toBe(0);
  for (const p of patterns) expect(output).toMatch(p);
  const dist = join(project.dir, 'dist');
  if (site === 'absent') expect(existsSync(dist), 'a failed build publishes nothing').toBe(false);
  else expect(readdirSync(dist).map((f) => [f, readFileSync(join(dist, f), 'utf8')]), 'a failed build leaves the last good dist/ as it was').toEqual([['last-good.txt', 'kept']]);
  expect(readdirSync(project.dir).filter((name) => name.startsWith('.dist.build-')), 'a failed build removes its staging folder').toEqual([]);
}

describe('bad content fails the build with file, place and value', () => {
  // The content graph reports every problem it finds at once: its cases share one build, and each must be reported.
  const graphCases = cases.filter((c) => !c.early).map(renamed);
  let graphBuild: { status: number; output: string };
  // This build finds a last good site in dist/, which it must leave as it was.
  it.each(graphCases)('$name (reported with the others by one build)', async ({ expect: patterns }) => {
    if (!graphBuild) {
      lastGood('present');
      graphBuild = await buildWith(graphCases);
    }
    expectFailure(graphBuild, patterns, 'present');
  });

  // So does the check of content/'s files, which runs before anything loads.
  const fileCases = cases.filter((c) => c.filesCheck).map(renamed);
  let fileBuild: { status: number; output: string };
  it.each(fileCases)('$name (reported with the others by the check of content/)', async ({ expect: patterns }) => {
    if (!fileBuild) {
      lastGood('absent');
      fileBuild = await buildWith(fileCases);
    }
    expectFailure(fileBuild, patterns, 'absent');
  });

  it.each(cases.filter((c) => c.early && !c.filesCheck))('$name (stops the build on its own)', async (c) => {
    lastGood('absent');
    expectFailure(await buildWith([c]), c.expect, 'absent');
  });
});
