import { materialSearchTerms, sharedFormulas, techniqueSearchTerms } from '../search-terms';
import { type Problem, unknownId } from './problems';
import type { CellNode, GlossaryNode, Graph, GraphInput, MaterialNode, ReferenceNode, SectionNode, TechniqueNode } from './types';

/**
 * What the passes of the graph share: the input, the graph as it is made (its lists and indexes), the sections in
 * input order beside those in reading order, and the problems found.
 */
export interface GraphContext extends Omit<Graph, 'sections'> {
  input: GraphInput;
  problems: Problem[];
  problem: (p: Problem) => void;
  /** Sections in input order; `reading` holds them in reading order once numbered. */
  sections: SectionNode[];
  reading: SectionNode[];
  /** The reference numbered `n`, or undefined after reporting it unknown at the given place. */
  knownRef: (n: number, file: string, field: string, line?: number, column?: number) => ReferenceNode | undefined;
}

export const byId = <T extends { id: string }>(items: T[]) => new Map(items.map((i) => [i.id, i]));
export const pushUnique = <T>(list: T[], item: T) => {
  if (!list.includes(item)) list.push(item);
};

/**
 * The first pass: a node for every record, with empty relations, indexed by id or number. A repeated slug, number
 * or glossary id is reported, and the later record left out of the index, so that nothing else is said of it.
 */
export function loadNodes(input: GraphInput): GraphContext {
  const problems: Problem[] = [];
  const problem = (p: Problem) => problems.push(p);

  const reference = new Map<number, ReferenceNode>();
  const references: ReferenceNode[] = input.references
    .map((e): ReferenceNode => ({ ...e, n: e.data.n, citedIn: [], studies: [], materials: [], cells: [] }))
    .filter((r) => {
      const first = reference.get(r.n);
      if (first) problem({ rule: 'duplicate', file: r.filePath, line: r.line, field: 'n', message: `duplicate reference number ${r.n} (${r.data.authors}; the first is ${first.data.authors})` });
      else reference.set(r.n, r);
      return !first;
    })
    .sort((a, b) => a.n - b.n);
  const sections: SectionNode[] = input.sections.map((e) => ({
    ...e, slug: e.data.slug, number: '', depth: 0, children: [], headings: e.headings, citations: [], citedAt: new Map(), studies: [], reactions: [], materials: [], techniques: [],
  }));
  const section = new Map<string, SectionNode>();
  for (const s of sections) {
    const other = section.get(s.slug);
    if (other) problem({ rule: 'duplicate', file: s.filePath, field: 'slug', message: `duplicate section slug "${s.slug}" (also in ${other.filePath})` });
    else section.set(s.slug, s);
  }

  const gap = references.findIndex((r, i) => r.n !== i + 1);
  if (gap >= 0 && !problems.some((p) => p.field === 'n'))
    problem({ rule: 'reference-gap', file: references[gap]!.filePath, field: 'n', message: `reference numbers must run 1, 2, 3 … without gaps: found ${references[gap]!.n} where ${gap + 1} was expected` });

  const glossary: GlossaryNode[] = input.glossary.map((e) => ({ ...e, sections: [] }));
  for (const g of glossary)
    if (g.id !== g.data.id) problem({ rule: 'duplicate', file: g.filePath, line: g.line, field: 'id', message: `duplicate glossary id "${g.data.id}" ${g.id.slice(g.data.id.length).trim()}` });

  const shared = sharedFormulas(input.materials);
  const materials: MaterialNode[] = input.materials.map((e) => ({ ...e, searchTerms: materialSearchTerms(e.data, shared.has(e.id)), studies: [], sections: [], reactions: [] }));
  const techniques: TechniqueNode[] = input.techniques.map((e) => ({ ...e, label: e.data.abbreviation ?? e.data.name, searchTerms: techniqueSearchTerms(e.data), studies: [], sections: [] }));
  const cells: CellNode[] = input.cells.map((e) => ({ ...e, studies: [], sections: [], references: [] })).sort((a, b) => a.data.order - b.data.order);

  return {
    input, problems, problem,
    sections, section, reading: [], parts: [],
    references, reference,
    knownRef: (n, file, field, line, column) => {
      const r = reference.get(n);
      if (!r) problem({ rule: 'unknown-id', file, field, line, column, message: `unknown reference number ${n} (the review has ${references.length})` });
      return r;
    },
    studies: [], study: new Map(),
    materials, material: byId(materials),
    techniques, technique: byId(techniques),
    cells, cell: byId(cells),
    reactions: [], reaction: new Map(),
    glossary, term: byId(glossary),
  };
}

/** A problem for an id that names no record of its kind, with the nearest ids. */
export const unknown = (kind: string, id: string, valid: Iterable<string>) => ({ rule: 'unknown-id' as const, message: unknownId(kind, id, valid) });
