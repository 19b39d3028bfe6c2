import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { type Place, reportProblem } from '../lib/collected-refs';

export interface HeadingProblem extends Place {
  message: string;
}

/**
 * A heading's anchor as Astro makes it (github-slugger): lower case, spaces to hyphens, punctuation and symbols
 * dropped. Read from the Markdown source, so that two headings written alike always meet here.
 */
export const anchorOf = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');

/**
 * Every heading whose anchor an earlier heading of the file already has. Astro would give it `-1` (`#notes-1`) without
 * a word: a published anchor that depends on the order of headings. Pure: it reads the tree and changes nothing.
 */
export function duplicateHeadings(tree: Root): HeadingProblem[] {
  const first = new Map<string, number>();
  const problems: HeadingProblem[] = [];
  visit(tree, 'heading', (node) => {
    const text = toString(node);
    const anchor = anchorOf(text);
    const line = node.position?.start.line ?? 0;
    const earlier = first.get(anchor);
    if (earlier === undefined) first.set(anchor, line);
    else
      problems.push({
        message: `duplicate heading "${text}" (the same anchor as the heading at line ${earlier}): the edition does not rename an anchor, so give each heading its own words`,
        line,
        column: node.position?.start.column ?? 0,
      });
  });
  return problems;
}

/** remark plugin: every repeated heading of the file goes to `refs.problems` (rule `duplicate`), for the content graph. */
export default function remarkUniqueHeadings() {
  return (tree: Root, file: VFile) => {
    for (const p of duplicateHeadings(tree)) reportProblem(file, { rule: 'duplicate', ...p }, 'remark-unique-headings');
  };
}
