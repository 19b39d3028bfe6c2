// The syntax of a citation of the review's references in the edition's text, `[@83]`, `[@83, 85]`, `[@100–107]`:
// read here for the Markdown bodies (remark-citations) and the content graph alike.

/** `[@83]`, `[@83, 85]`, `[@100–107]`: a citation of the review's numbered references. */
export const CITATION = /\[@([^\]\n]*)\]/g;
const ITEM = /^(\d+)(?:\s*[–-]\s*(\d+))?$/;
/** The longest range written as `a–b` that is accepted (the review's longest is 8 numbers). */
const MAX_RANGE = 40;

/** One written item of a citation: a single number, or a range whose ends are printed. */
export type Item = { from: number; to: number };

/** Every reference number the items cover, ranges expanded. */
export const citedNumbers = (items: Item[]): number[] => items.flatMap(({ from, to }) => Array.from({ length: to - from + 1 }, (_, i) => from + i));

/** What is wrong with one written item of a citation, or undefined when it is a number or an ascending range. */
function faultOf(part: string): string | undefined {
  if (part === '') return 'an item is empty';
  const m = ITEM.exec(part);
  if (!m) return `"${part}" is not a reference number or a range like 100–107`;
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  if (from < 1) return `there is no reference ${from}: the review numbers its references from 1`;
  if (to < from) return `the range "${part}" runs backwards: write the lower number first (${to}–${from})`;
  if (to - from > MAX_RANGE) return `the range "${part}" spans ${to - from + 1} references, more than the ${MAX_RANGE + 1} a range may hold`;
  return undefined;
}

/** Parses the inside of `[@…]`; returns the items, or the reason it is malformed, naming every bad item. */
export function parseCitation(inner: string): Item[] | string {
  const parts = inner.split(',').map((s) => s.trim());
  const faults = parts.map(faultOf).filter((f) => f !== undefined);
  if (faults.length) return `malformed citation "[@${inner}]": ${faults.join('; ')}`;
  return parts.map((part) => {
    const [, from, to] = ITEM.exec(part)!;
    return { from: Number(from), to: Number(to ?? from) };
  });
}

/** Every reference number the citations of a text cite, ranges expanded; throws on a malformed citation. */
export function citedInText(text: string): number[] {
  return [...text.matchAll(CITATION)].flatMap((m) => {
    const items = parseCitation(m[1] ?? '');
    if (typeof items === 'string') throw new Error(items);
    return citedNumbers(items);
  });
}
