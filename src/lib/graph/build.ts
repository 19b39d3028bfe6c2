import type { CellData } from '../../schemas/cell';
import type { GlossaryData } from '../../schemas/glossary';
import type { MaterialData } from '../../schemas/material';
import type { ReactionData } from '../../schemas/reaction';
import type { ReferenceData } from '../../schemas/reference';
import type { SectionData } from '../../schemas/section';
import type { StudyData } from '../../schemas/study';
import type { TechniqueData } from '../../schemas/technique';
import type { CollectedCitation, CollectedRefs } from '../collected-refs';
import type { LinkKind } from '../routes';
import { CitationDataError, referenceToCsl } from '../citation';
import { materialSearchTerms, type SearchTerms, techniqueSearchTerms } from '../search-terms';
import { citedInText } from '../citation-syntax';
import { renderDisplay, renderInline } from '../../markdown/inline';
import { ContentGraphError, type Problem, unknownId } from './problems';

/** A record as the collections hand it over. */
export interface Entry<T> {
  id: string;
  filePath: string;
  data: T;
}

/** A section with what its MDX body collected (citations, cross-links, placements) and its headings. */
export interface SectionEntry extends Entry<SectionData> {
  refs: CollectedRefs;
  /** The rendered body (Astro's `Content` component); carried through, never inspected here. */
  Content?: unknown;
  headings: { depth: number; slug: string; text: string }[];
}

export interface GraphInput {
  sections: SectionEntry[];
  references: Entry<ReferenceData>[];
  studies: Entry<StudyData>[];
  materials: Entry<MaterialData>[];
  techniques: Entry<TechniqueData>[];
  cells: Entry<CellData>[];
  reactions: Entry<ReactionData>[];
  glossary: Entry<GlossaryData>[];
}

/** A section of the graph: its entry (with what its body collected, which the graph reads) and its relations. */
export interface SectionNode extends SectionEntry {
  slug: string;
  /** The edition's number: "2", "2.1". */
  number: string;
  depth: number;
  parent?: SectionNode;
  children: SectionNode[];
  /** The sections before and after it in reading order; undefined at either end. */
  prev?: SectionNode | undefined;
  next?: SectionNode | undefined;
  /** Reference numbers cited, in order of first citation. */
  citations: number[];
  studies: StudyNode[];
  reactions: ReactionNode[];
  materials: MaterialNode[];
  techniques: TechniqueNode[];
}

export interface CitingPlace {
  section: SectionNode;
  context: string;
}

export interface ReferenceNode extends Entry<ReferenceData> {
  n: number;
  citedIn: CitingPlace[];
  studies: StudyNode[];
  materials: MaterialNode[];
  cells: CellNode[];
}

export interface StudyNode extends Entry<StudyData> {
  section: SectionNode;
  references: ReferenceNode[];
  materials: MaterialNode[];
  techniques: TechniqueNode[];
  cell: CellNode;
  reactions: ReactionNode[];
}

export interface MaterialNode extends Entry<MaterialData> {
  /** Every written form a reader may search it by (name, plain and subscript formula, abbreviations, aliases). */
  searchTerms: SearchTerms;
  studies: StudyNode[];
  sections: SectionNode[];
  reactions: ReactionNode[];
}

export interface TechniqueNode extends Entry<TechniqueData> {
  /** Abbreviation, name and aliases, for the search index. */
  searchTerms: SearchTerms;
  studies: StudyNode[];
  sections: SectionNode[];
}

export interface CellNode extends Entry<CellData> {
  studies: StudyNode[];
  /** Sections that link to it or review a study that used it. */
  sections: SectionNode[];
  references: ReferenceNode[];
}

export interface ReactionNode extends Entry<ReactionData> {
  /** Number in reading order. */
  number: number;
  section: SectionNode;
  study?: StudyNode;
  materials: MaterialNode[];
  follows?: ReactionNode;
}

export interface GlossaryNode extends Entry<GlossaryData> {
  sections: SectionNode[];
}

export interface Graph {
  /** Sections in reading order. */
  sections: SectionNode[];
  /** Top-level parts in order. */
  parts: SectionNode[];
  section: Map<string, SectionNode>;
  references: ReferenceNode[];
  reference: Map<number, ReferenceNode>;
  studies: StudyNode[];
  study: Map<string, StudyNode>;
  materials: MaterialNode[];
  material: Map<string, MaterialNode>;
  techniques: TechniqueNode[];
  technique: Map<string, TechniqueNode>;
  cells: CellNode[];
  cell: Map<string, CellNode>;
  /** Reactions in number order. */
  reactions: ReactionNode[];
  reaction: Map<string, ReactionNode>;
  glossary: GlossaryNode[];
  term: Map<string, GlossaryNode>;
}

/** How many records of each kind the graph holds (the build prints them). */
export function graphCounts(g: Graph): Record<string, number> {
  return {
    sections: g.sections.length, studies: g.studies.length, materials: g.materials.length, techniques: g.techniques.length,
    cells: g.cells.length, reactions: g.reactions.length, references: g.references.length, 'glossary terms': g.glossary.length,
  };
}

const byId = <T extends { id: string }>(items: T[]) => new Map(items.map((i) => [i.id, i]));
const pushUnique = <T>(list: T[], item: T) => {
  if (!list.includes(item)) list.push(item);
};

/**
 * Builds the content graph: checks every relation, numbers sections and reactions, and derives the reverse
 * relations. Throws a ContentGraphError that lists every problem with its file, line or field, and value.
 */
export function buildGraph(input: GraphInput): Graph {
  const problems: Problem[] = [];
  const problem = (p: Problem) => problems.push(p);

  // --- nodes -------------------------------------------------------------------------------------------------
  const sections: SectionNode[] = input.sections.map((e) => ({
    ...e, slug: e.data.slug, number: '', depth: 0, children: [], headings: e.headings, citations: [], studies: [], reactions: [], materials: [], techniques: [],
  }));
  // A repeated number is reported once, and the later entry is left out, so that nothing else is said of it.
  const reference = new Map<number, ReferenceNode>();
  const references: ReferenceNode[] = input.references
    .map((e): ReferenceNode => ({ ...e, n: e.data.n, citedIn: [], studies: [], materials: [], cells: [] }))
    .filter((r) => {
      const first = reference.get(r.n);
      if (first) problem({ file: r.filePath, field: 'n', message: `duplicate reference number ${r.n} (${r.data.authors}; the first is ${first.data.authors})` });
      else reference.set(r.n, r);
      return !first;
    })
    .sort((a, b) => a.n - b.n);
  const materials: MaterialNode[] = input.materials.map((e) => ({ ...e, searchTerms: materialSearchTerms(e.data), studies: [], sections: [], reactions: [] }));
  const techniques: TechniqueNode[] = input.techniques.map((e) => ({ ...e, searchTerms: techniqueSearchTerms(e.data), studies: [], sections: [] }));
  const cells: CellNode[] = input.cells.map((e) => ({ ...e, studies: [], sections: [], references: [] })).sort((a, b) => a.data.order - b.data.order);
  const glossary: GlossaryNode[] = input.glossary.map((e) => ({ ...e, sections: [] }));

  const section = new Map<string, SectionNode>();
  for (const s of sections) {
    const other = section.get(s.slug);
    if (other) problem({ file: s.filePath, field: 'slug', message: `duplicate section slug "${s.slug}" (also in ${other.filePath})` });
    else section.set(s.slug, s);
  }
  references.forEach((r, i) => {
    if (r.n !== i + 1 && !problems.some((p) => p.field === 'n'))
      problem({ file: r.filePath, field: 'n', message: `reference numbers must run 1, 2, 3 … without gaps: found ${r.n} where ${i + 1} was expected` });
  });
  for (const g of glossary)
    if (g.id !== g.data.id) problem({ file: g.filePath, field: 'id', message: `duplicate glossary id "${g.data.id}" ${g.id.slice(g.data.id.length).trim()}` });
  const material = byId(materials);
  const technique = byId(techniques);
  const cell = byId(cells);
  const term = byId(glossary);
  const knownRef = (n: number, file: string, field: string, line?: number, column?: number) => {
    const r = reference.get(n);
    if (!r) problem({ file, field, line, column, message: `unknown reference number ${n} (the review has ${references.length})` });
    return r;
  };

  // --- sections: tree, order, numbers --------------------------------------------------------------------------
  for (const s of sections) {
    if (!s.data.parent) continue;
    const parent = section.get(s.data.parent);
    if (!parent) problem({ file: s.filePath, field: 'parent', message: unknownId('section', s.data.parent, section.keys()) });
    else {
      s.parent = parent;
      parent.children.push(s);
    }
  }
  const ordered = (list: SectionNode[]) => {
    list.sort((a, b) => a.data.order - b.data.order);
    list.forEach((s, i) => {
      if (i > 0 && list[i - 1]!.data.order === s.data.order)
        problem({ file: s.filePath, field: 'order', message: `order ${s.data.order} is also used by sibling "${list[i - 1]!.slug}"` });
    });
    return list;
  };
  const parts = ordered(sections.filter((s) => !s.data.parent));
  const reading: SectionNode[] = [];
  const walk = (list: SectionNode[], prefix: string, depth: number, seen: Set<SectionNode>) => {
    ordered(list).forEach((s, i) => {
      if (seen.has(s)) return;
      seen.add(s);
      s.number = prefix ? `${prefix}.${i + 1}` : String(i + 1);
      s.depth = depth;
      reading.push(s);
      walk(s.children, s.number, depth + 1, seen);
    });
  };
  walk(parts, '', 0, new Set());
  for (const s of sections)
    if (!reading.includes(s) && s.parent) problem({ file: s.filePath, field: 'parent', message: `section "${s.slug}" is in a cycle of parents` });
  reading.forEach((s, i) => {
    s.prev = reading[i - 1];
    s.next = reading[i + 1];
  });

  // --- studies ------------------------------------------------------------------------------------------------
  const studies: StudyNode[] = [];
  for (const e of input.studies) {
    const f = e.filePath;
    const sec = section.get(e.data.section);
    if (!sec) problem({ file: f, field: 'section', message: unknownId('section', e.data.section, section.keys()) });
    const c = cell.get(e.data.cell.type);
    if (!c) problem({ file: f, field: 'cell.type', message: unknownId('cell', e.data.cell.type, cell.keys()) });
    const mats = (ids: string[], field: string) =>
      ids.flatMap((id, i) => {
        const m = material.get(id);
        if (!m) problem({ file: f, field: `${field}[${i}]`, message: unknownId('material', id, material.keys()) });
        return m ? [m] : [];
      });
    const ms = mats(e.data.materials, 'materials');
    for (const part of ['working', 'electrolyte', 'counter'] as const) {
      const p = e.data.cell[part];
      if (p) for (const m of mats(p.materials, `cell.${part}.materials`)) pushUnique(ms, m);
    }
    const ts = e.data.techniques.flatMap((id, i) => {
      const t = technique.get(id);
      if (!t) problem({ file: f, field: `techniques[${i}]`, message: unknownId('technique', id, technique.keys()) });
      return t ? [t] : [];
    });
    const rs = e.data.references.flatMap((n, i) => {
      const r = knownRef(n, f, `references[${i}]`);
      return r ? [r] : [];
    });
    if (rs[0] && rs[0].data.year !== e.data.year)
      problem({ file: f, field: 'year', message: `year ${e.data.year} differs from the year of reference ${rs[0].n} (${rs[0].data.year})` });
    // The study's electrolyte must be one its cell configuration uses (the cell record lists them).
    if (c)
      e.data.cell.electrolyte.materials.forEach((id, i) => {
        if (material.has(id) && !c.data.electrolytes.includes(id))
          problem({
            file: f,
            field: `cell.electrolyte.materials[${i}]`,
            message: `"${id}" is not an electrolyte of cell "${c.id}" (its electrolytes: ${c.data.electrolytes.join(', ') || 'none'}); file the study under the cell that uses it, or add it to the cell's electrolytes in ${c.filePath}`,
          });
      });
    if (!sec || !c) continue;
    const node: StudyNode = { ...e, section: sec, references: rs, materials: ms, techniques: ts, cell: c, reactions: [] };
    studies.push(node);
    for (const m of ms) m.studies.push(node);
    for (const t of ts) t.studies.push(node);
    for (const r of rs) r.studies.push(node);
    c.studies.push(node);
  }
  const study = byId(studies);

  // --- reactions ----------------------------------------------------------------------------------------------
  const reactionEntries = byId(input.reactions);
  const reaction = new Map<string, ReactionNode>();

  // --- what the section bodies cite, link and place -------------------------------------------------------------
  const placedStudy = new Map<string, SectionNode>();
  const placedReaction = new Map<string, SectionNode>();
  const targets: Record<LinkKind, Map<string, unknown>> = {
    section, material, technique, cell, study, reaction: reactionEntries, term,
  };
  const linkNames: Record<LinkKind, string> = {
    section: 'section', material: 'material', technique: 'technique', cell: 'cell', study: 'study', reaction: 'reaction', term: 'glossary',
  };
  let reactionNumber = 0;
  for (const s of reading) {
    const f = s.filePath;
    for (const c of s.refs.citations) citeFrom(s, c);
    for (const l of s.refs.links) {
      const target = targets[l.kind].get(l.id);
      if (!target) {
        problem({ file: f, line: l.line, column: l.column, message: unknownId(linkNames[l.kind], l.id, targets[l.kind].keys()) });
        continue;
      }
      if (l.kind === 'section') {
        // "[Section 2.2](section:…)": the number written must be the one the edition gives the section.
        const written = /\bSections?\s+(\d+(?:\.\d+)*)/.exec(l.text)?.[1];
        const { number } = target as SectionNode;
        if (written !== undefined && written !== number)
          problem({ file: f, line: l.line, column: l.column, message: `link text "${l.text}" gives section ${written}, but "${l.id}" is section ${number}` });
      }
      if (l.kind === 'material') pushUnique(s.materials, target as MaterialNode);
      if (l.kind === 'technique') pushUnique(s.techniques, target as TechniqueNode);
      if (l.kind === 'cell') pushUnique((target as CellNode).sections, s);
      if (l.kind === 'term') pushUnique((target as GlossaryNode).sections, s);
    }
    for (const p of s.refs.placements) {
      const where = { file: f, line: p.line, column: p.column };
      if (p.kind === 'study') {
        const st = study.get(p.id);
        if (!st) {
          if (!input.studies.some((e) => e.id === p.id)) problem({ ...where, message: unknownId('study', p.id, study.keys()) });
          continue;
        }
        const already = placedStudy.get(p.id);
        if (already) problem({ ...where, message: `study "${p.id}" is placed twice (also in ${already.filePath})` });
        else if (st.section !== s) problem({ ...where, message: `study "${p.id}" belongs to section "${st.section.slug}" (its "section" field) but is placed in "${s.slug}"` });
        placedStudy.set(p.id, s);
        pushUnique(s.studies, st);
      } else {
        const re = reactionEntries.get(p.id);
        if (!re) {
          problem({ ...where, message: unknownId('reaction', p.id, reactionEntries.keys()) });
          continue;
        }
        const already = placedReaction.get(p.id);
        if (already) {
          problem({ ...where, message: `reaction "${p.id}" is placed twice (also in ${already.filePath})` });
          continue;
        }
        placedReaction.set(p.id, s);
        try {
          renderDisplay(`\\ce{${re.data.tex}}`);
        } catch (err) {
          problem({ file: re.filePath, field: 'tex', message: `TeX does not render: ${(err as Error).message} (value: ${JSON.stringify(re.data.tex)})` });
        }
        const node: ReactionNode = { ...re, number: ++reactionNumber, section: s, materials: [] };
        reaction.set(re.id, node);
        s.reactions.push(node);
      }
    }
  }
  for (const re of input.reactions)
    if (!placedReaction.has(re.id)) problem({ file: re.filePath, message: `reaction "${re.id}" is placed in no section (write <Reaction id="${re.id}" /> where the text discusses it)` });
  for (const st of studies)
    if (!placedStudy.has(st.id)) problem({ file: st.filePath, field: 'section', message: `study "${st.id}" is not placed in its section "${st.section.slug}" (write <Study id="${st.id}" /> there)` });

  const reactions = [...reaction.values()].sort((a, b) => a.number - b.number);
  for (const r of reactions) {
    const f = r.filePath;
    r.data.materials.forEach((id, i) => {
      const m = material.get(id);
      if (!m) problem({ file: f, field: `materials[${i}]`, message: unknownId('material', id, material.keys()) });
      else {
        r.materials.push(m);
        m.reactions.push(r);
      }
    });
    if (r.data.study) {
      const st = study.get(r.data.study);
      if (!st) problem({ file: f, field: 'study', message: unknownId('study', r.data.study, study.keys()) });
      else r.study = st;
    }
    if (r.data.follows) {
      const prev = reaction.get(r.data.follows);
      if (!prev) problem({ file: f, field: 'follows', message: unknownId('reaction', r.data.follows, reaction.keys()) });
      else r.follows = prev;
    }
  }
  for (const st of studies)
    st.data.reactions.forEach((id, i) => {
      const r = reaction.get(id);
      if (!r) {
        if (!reactionEntries.has(id)) problem({ file: st.filePath, field: `reactions[${i}]`, message: unknownId('reaction', id, reactionEntries.keys()) });
      } else {
        st.reactions.push(r);
        r.study ??= st;
      }
    });

  // --- materials, cells, glossary -----------------------------------------------------------------------------
  for (const m of materials) {
    m.data.properties.forEach((p, i) => {
      if (p.reference === undefined) return;
      const r = knownRef(p.reference, m.filePath, `properties[${i}].reference`);
      if (r) pushUnique(r.materials, m);
    });
    for (const st of m.studies) pushUnique(m.sections, st.section);
  }
  for (const s of reading) for (const m of s.materials) pushUnique(m.sections, s);
  for (const s of reading) for (const t of s.techniques) pushUnique(t.sections, s);
  for (const t of techniques) for (const st of t.studies) pushUnique(t.sections, st.section);
  for (const c of cells) for (const st of c.studies) pushUnique(c.sections, st.section);
  // A record's sections and studies are listed in the edition's reading order (2.1 before 2.2 before 4.1), not in
  // the order the relations happened to be found.
  const readingIndex = new Map(reading.map((s, i) => [s, i]));
  const placedIndex = new Map(reading.flatMap((s) => s.studies).map((st, i) => [st, i]));
  const bySection = (a: SectionNode, b: SectionNode) => (readingIndex.get(a) ?? Infinity) - (readingIndex.get(b) ?? Infinity);
  const byPlace = (a: StudyNode, b: StudyNode) => (placedIndex.get(a) ?? Infinity) - (placedIndex.get(b) ?? Infinity);
  for (const n of [...materials, ...techniques, ...cells, ...glossary]) n.sections.sort(bySection);
  for (const n of [...materials, ...techniques, ...cells]) n.studies.sort(byPlace);
  for (const c of cells) {
    c.data.electrolytes.forEach((id, i) => {
      if (!material.has(id)) problem({ file: c.filePath, field: `electrolytes[${i}]`, message: unknownId('material', id, material.keys()) });
    });
    c.data.references.forEach((n, i) => {
      const r = knownRef(n, c.filePath, `references[${i}]`);
      if (!r) return;
      c.references.push(r);
      r.cells.push(c);
      // A cell that cites a study's work for its configuration holds that study.
      const elsewhere = r.studies.filter((st) => st.cell !== c);
      if (elsewhere.length > 0 && elsewhere.length === r.studies.length)
        problem({
          file: c.filePath,
          field: `references[${i}]`,
          message: `reference ${n} is the work of ${elsewhere.map((st) => `study "${st.id}" (filed under cell "${st.cell.id}")`).join(', ')}, not of a study with this cell; move the study here or the reference to its cell`,
        });
    });
  }
  for (const g of glossary)
    if (g.data.see) {
      const [kind, id] = g.data.see.split(':') as ['material' | 'technique' | 'cell', string];
      if (!targets[kind].has(id)) problem({ file: g.filePath, field: `${g.id}.see`, message: unknownId(kind, id, targets[kind].keys()) });
    }

  // --- every reference can be exported as CSL-JSON ----------------------------------------------------------------
  for (const r of references) {
    try {
      referenceToCsl(r.data);
    } catch (err) {
      if (!(err instanceof CitationDataError)) throw err;
      problem({ file: r.filePath, field: `n: ${r.n}, ${err.field}`, message: err.message });
    }
  }

  // --- nothing is an orphan: a reader reaches every material, technique and cell from the text ------------------
  // Checked only when the relations themselves are sound: a bad id elsewhere would make orphans that are not.
  const orphansMatter = problems.length === 0;
  if (orphansMatter) for (const m of materials)
    if (m.sections.length === 0)
      problem({ file: m.filePath, message: `material "${m.id}" is used by no study and linked from no section (link it where the text discusses it: [${m.data.abbreviations[0] ?? m.data.name}](material:${m.id}))` });
  if (orphansMatter) for (const t of techniques)
    if (t.sections.length === 0)
      problem({ file: t.filePath, message: `technique "${t.id}" is used by no study and linked from no section (link it: [${t.data.abbreviation ?? t.data.name}](technique:${t.id}))` });
  if (orphansMatter) for (const c of cells)
    if (c.sections.length === 0)
      problem({ file: c.filePath, message: `cell "${c.id}" is used by no study and linked from no section (link it: [${c.data.name}](cell:${c.id}))` });

  // --- every reference is cited somewhere ------------------------------------------------------------------------
  for (const r of references)
    if (r.citedIn.length === 0) problem({ file: r.filePath, field: `n: ${r.n}`, message: `reference ${r.n} (${r.data.authors}, ${r.data.container} ${r.data.year}) is cited in no section` });

  // --- TeX inside text fields renders --------------------------------------------------------------------------
  const checkTex = (file: string, field: string, text: string | undefined) => {
    if (!text) return;
    try {
      renderInline(text);
    } catch (err) {
      problem({ file, field, message: `TeX does not render: ${(err as Error).message} (value: ${JSON.stringify(text)})` });
      return;
    }
    for (const n of citedInText(text)) if (!reference.has(n)) problem({ file, field, message: `unknown reference number ${n} (value: ${JSON.stringify(text)})` });
  };
  for (const s of sections) checkTex(s.filePath, 'summary', s.data.summary);
  for (const r of reactions) checkTex(r.filePath, 'label', r.data.label);
  for (const st of studies) {
    const d = st.data;
    checkTex(st.filePath, 'title', d.title);
    checkTex(st.filePath, 'system', d.system);
    for (const part of ['working', 'electrolyte', 'counter'] as const) checkTex(st.filePath, `cell.${part}.text`, d.cell[part]?.text);
    d.observations.forEach((o, i) => checkTex(st.filePath, `observations[${i}]`, o));
    d.implications.forEach((o, i) => checkTex(st.filePath, `implications[${i}]`, o));
    d.quantities.forEach((q, i) => {
      checkTex(st.filePath, `quantities[${i}].quantity`, q.quantity);
      checkTex(st.filePath, `quantities[${i}].value`, q.value);
      checkTex(st.filePath, `quantities[${i}].unit`, q.unit);
      checkTex(st.filePath, `quantities[${i}].note`, q.note);
    });
    checkTex(st.filePath, 'note', d.note);
  }
  for (const m of materials) {
    try {
      renderInline(`$\\ce{${m.data.formula}}$`);
    } catch (err) {
      problem({ file: m.filePath, field: 'formula', message: `TeX does not render: ${(err as Error).message} (value: ${JSON.stringify(m.data.formula)})` });
    }
    checkTex(m.filePath, 'summary', m.data.summary);
    m.data.properties.forEach((p, i) => {
      checkTex(m.filePath, `properties[${i}].quantity`, p.quantity);
      checkTex(m.filePath, `properties[${i}].value`, p.value);
      checkTex(m.filePath, `properties[${i}].unit`, p.unit);
      checkTex(m.filePath, `properties[${i}].note`, p.note);
    });
    checkTex(m.filePath, 'note', m.data.note);
  }
  for (const t of techniques) checkTex(t.filePath, 'summary', t.data.summary);
  for (const c of cells) for (const k of ['working', 'electrolyte', 'counter', 'environment', 'summary'] as const) checkTex(c.filePath, k, c.data[k]);
  for (const g of glossary) {
    checkTex(g.filePath, `${g.id}.expansion`, g.data.expansion);
    checkTex(g.filePath, `${g.id}.definition`, g.data.definition);
  }

  if (problems.length) throw new ContentGraphError(problems);

  return {
    sections: reading, parts, section, references, reference, studies, study, materials, material,
    techniques, technique, cells, cell, reactions, reaction, glossary, term,
  };

  function citeFrom(s: SectionNode, c: CollectedCitation) {
    for (const n of c.numbers) {
      const r = knownRef(n, s.filePath, 'citation', c.line, c.column);
      if (!r) continue;
      pushUnique(s.citations, n);
      if (!r.citedIn.some((p) => p.section === s && p.context === c.context)) r.citedIn.push({ section: s, context: c.context });
    }
  }
}
