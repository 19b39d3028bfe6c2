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

/** Parses the inside of `[@…]`; returns the items or the reason it is malformed. */
export function parseCitation(inner: string): Item[] | string {
  const parts = inner.split(',').map((s) => s.trim());
  const items: Item[] = [];
  for (const part of parts) {
    const m = ITEM.exec(part);
    if (!m) return `malformed citation "[@${inner}]": "${part}" is not a reference number or a range like 100–107`;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from < 1 || to < from || to - from > MAX_RANGE)
      return `malformed citation "[@${inner}]": "${part}" is not an ascending range of reference numbers`;
    items.push({ from, to });
  }
  return items;
}

/** Every reference number the citations of a text cite, ranges expanded; throws on a malformed citation. */
export function citedInText(text: string): number[] {
  return [...text.matchAll(CITATION)].flatMap((m) => {
    const items = parseCitation(m[1] ?? '');
    if (typeof items === 'string') throw new Error(items);
    return citedNumbers(items);
  });
}
