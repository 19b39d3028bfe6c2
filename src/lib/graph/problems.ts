import { closest, distance } from 'fastest-levenshtein';

/**
 * Every kind of problem the content reports, by a stable id: tests assert it, and the build log prints it after the
 * message (`[unknown-id]`), so that a reader can find every case of one kind. The first four are found before the
 * collections load (src/lib/content-files.ts), the rest by the content graph.
 */
export const ruleIds = [
  /** A file or folder of content/ that no collection reads: an unknown name, another extension, a name not an id. */
  'unread-file',
  /** A byte that is not UTF-8. */
  'encoding',
  /** YAML (a record, a list, a section's frontmatter) that does not parse. */
  'yaml-syntax',
  /** A field that its schema refuses: missing, of another type, not an allowed value, unknown. */
  'schema',
  /** A relation names an id or a reference number that does not exist. */
  'unknown-id',
  /** Two records claim one number, slug, id or glossary term; two headings of a section one anchor. */
  'duplicate',
  /** Reference numbers do not run 1, 2, 3 … */
  'reference-gap',
  /** A reference no section cites. */
  'uncited-reference',
  /** A reference the citation exports cannot express. */
  'reference-export',
  /** Sections: siblings with one order, a cycle of parents. */
  'section-tree',
  /** A link's text gives another section number than its target has. */
  'section-number',
  /** A study's year differs from its reference's. */
  'study-year',
  /** A study or reaction placed nowhere, twice, or in another section than its own. */
  'placement',
  /** A study filed under a cell whose electrolytes exclude its own, or a cell citing a study filed elsewhere. */
  'cell-filing',
  /** A material, technique or cell that no study uses and no section links. */
  'orphan',
  /** TeX, citation syntax or Markdown of a text field that does not render. */
  'prose',
  /** A citation that is not `[@n]`, `[@n, m]` or `[@a–b]` with ascending numbers from 1. */
  'citation-syntax',
  /** A cross-link or a `<Study>`/`<Reaction>` whose id is not written as one. */
  'link-syntax',
  /** Markup in a section body that the edition did not mean: raw HTML beyond a few inline elements, script, styles, other origins. */
  'markup',
] as const;
export type RuleId = (typeof ruleIds)[number];

/** One thing wrong with the content: where, which field, what. */
export interface Problem {
  /** The kind of problem. */
  rule: RuleId;
  /** Path of the file, relative to the project. */
  file: string;
  /** Line in the file, when known (MDX bodies, YAML read with places). */
  line?: number | undefined;
  column?: number | undefined;
  /** The field, e.g. `materials[2]` or `cell.type`. */
  field?: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}${p.column ? `:${p.column}` : ''}` : p.file;
  return `${where}${p.field ? ` (${p.field})` : ''}: ${p.message} [${p.rule}]`;
}

/** Thrown when the content is wrong, by the content graph or by the check of content/ before it loads; the message lists every problem. */
export class ContentGraphError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`The content has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`);
    this.name = 'ContentGraphError';
  }
}

/** Up to three valid ids nearest to a bad one, for the error message. */
export function nearest(bad: string, valid: Iterable<string>): string[] {
  const pool = [...valid];
  if (pool.length === 0) return [];
  const ranked = pool
    .map((id) => ({ id, d: distance(bad, id) - (id.includes(bad) || bad.includes(id) ? 2 : 0) }))
    .sort((a, b) => a.d - b.d || a.id.localeCompare(b.id));
  const best = closest(bad, pool);
  const ids = [best, ...ranked.map((r) => r.id).filter((id) => id !== best)];
  return ids.slice(0, 3);
}

export function unknownId(kind: string, id: string, valid: Iterable<string>): string {
  const near = nearest(id, valid);
  return `unknown ${kind} id "${id}"${near.length ? ` (nearest: ${near.join(', ')})` : ''}`;
}
