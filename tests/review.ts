import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the review the edition restates is kept: beside the project, as for the verbatim check. */
export const reviewDir = '../shared/seed';

/** The review's text, as the edition was made from it. */
export function reviewText(): string {
  if (!existsSync(reviewDir)) throw new Error(`${reviewDir} (the review's text) must be beside the project`);
  const files = readdirSync(reviewDir).filter((f) => f.endsWith('.txt'));
  if (files.length !== 1) throw new Error(`${reviewDir} must hold the review as one .txt file; found ${files.length}`);
  return readFileSync(join(reviewDir, files[0]!), 'utf8');
}

/**
 * The review's reference list, by number: each entry as printed ("S. Chu et al., Nat. Mater. 16 (2016) 16–22."),
 * read from the paragraphs and list items that begin with "[n] ".
 */
export function reviewReferences(text = reviewText()): Map<number, string> {
  const list = text
    .split('\n')
    .filter((line) => /^(?:- )?\[\d+\] /.test(line))
    .map((line) => line.replace(/^- /, ''))
    .join(' ');
  return new Map([...list.matchAll(/\[(\d+)\] (.*?)(?=\s\[\d+\] |$)/g)].map((m) => [Number(m[1]), m[2]!.trim()]));
}
