import { closest, distance } from 'fastest-levenshtein';

/** One thing wrong with the content: where, which field, what. */
export interface Problem {
  /** Path of the file, relative to the project. */
  file: string;
  /** Line in the file, when known (MDX bodies). */
  line?: number | undefined;
  column?: number | undefined;
  /** The field, e.g. `materials[2]` or `cell.type`. */
  field?: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}${p.column ? `:${p.column}` : ''}` : p.file;
  return `${where}${p.field ? ` (${p.field})` : ''}: ${p.message}`;
}

/** Thrown by the content graph when the content is wrong; the message lists every problem. */
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
