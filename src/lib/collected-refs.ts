import type { VFile } from 'vfile';
import type { RuleId } from './graph/problems';
import type { LinkKind } from './routes';

/** Where in a source file something was written. */
export interface Place {
  line: number;
  column: number;
}

/** A citation of the review's references, as collected from one file. */
export interface CollectedCitation extends Place {
  /** Every reference number the citation covers (ranges expanded). */
  numbers: number[];
  /** The sentence of the edition around the citation, its math in `$…$` and citations in `[@…]` (see `renderInline`). */
  context: string;
  /** In a section body: the citation's own id (`cite-47-2`), which its reference's entry links back to. */
  id?: string;
  /** In a section body: the id of the paragraph (list item, table cell) that cites (`p-47-2`); none in a heading. */
  anchor?: string;
}

/** A cross-link to a record of the content graph. */
export interface CollectedLink extends Place {
  kind: LinkKind;
  id: string;
  /** The link's text as a reader sees it ("Section 2.2", "lithium cobalt oxide"). */
  text: string;
}

/** A `<Study>` or `<Reaction>` placed in the text. */
export interface CollectedPlacement extends Place {
  kind: 'study' | 'reaction';
  id: string;
}

/**
 * Something a remark plugin found wrong in a file (a malformed citation, raw HTML the edition does not allow …):
 * collected rather than thrown, so that the content graph reports every problem of every file at once.
 */
export interface CollectedProblem extends Place {
  rule: RuleId;
  message: string;
}

/** What the remark plugins leave for the content graph in `remarkPluginFrontmatter.refs`. */
export interface CollectedRefs {
  citations: CollectedCitation[];
  links: CollectedLink[];
  placements: CollectedPlacement[];
  problems: CollectedProblem[];
}

export function emptyRefs(): CollectedRefs {
  return { citations: [], links: [], placements: [], problems: [] };
}

/** The `refs` record of a file's Astro frontmatter data, created on first use. */
export function refsOf(file: VFile): CollectedRefs {
  const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
  data.astro ??= {};
  data.astro.frontmatter ??= {};
  const fm = data.astro.frontmatter;
  fm.refs ??= emptyRefs();
  return fm.refs as CollectedRefs;
}

/**
 * Records a problem of the file for the content graph (`refs.problems`), and as a message of the file (`source` is
 * the plugin's name). Nothing is thrown: whoever runs the pipeline reports the file's problems together.
 */
export function reportProblem(file: VFile, problem: CollectedProblem, source: string): void {
  refsOf(file).problems.push(problem);
  file.message(problem.message, { place: { line: problem.line, column: problem.column }, ruleId: problem.rule, source });
}
