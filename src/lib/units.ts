/**
 * A number and its unit stay on one line, as in print: the space between them, and the spaces inside a compound
 * unit (`mAh g⁻¹`, `mA cm⁻²`, `nm s⁻¹`), become no-break spaces (U+00A0). The edition keeps the review's spacing;
 * only where a line may break changes.
 */

/** The unit symbols the edition's numbers carry: SI units and their prefixed forms, and a few others. */
const unit = String.raw`(?:[nµμmckMG]?(?:Wh|Ah|eV|Pa|Hz|bar|mol|min|m|g|s|A|V|W|h|K|S|J|N|L|M|C|F)|°C|Å|wt%|at%|ppm|%)`;
/** A unit, or several joined by spaces, ending where a word would (not at `L` of `LiPF6`). */
const chain = String.raw`${unit}(?: ${unit})*(?![\p{L}\p{N}])`;
const afterDigit = new RegExp(String.raw`(\p{N}) (${chain})`, 'gu');
const atStart = new RegExp(String.raw`^ (${chain})`, 'u');

const noBreakSpace = '\u00A0';
const bind = (units: string) => units.replaceAll(' ', noBreakSpace);

/**
 * `text` with each number bound to the unit that follows it. With `afterNumber` (the text follows a number set
 * apart from it, such as an exponent: `10<sup>−4</sup>` then ` S cm`), a unit at its very start is bound too.
 */
export function bindUnits(text: string, afterNumber = false): string {
  const bound = text.replace(afterDigit, (_, digit: string, units: string) => digit + noBreakSpace + bind(units));
  return afterNumber ? bound.replace(atStart, (_, units: string) => noBreakSpace + bind(units)) : bound;
}

/** Whether rendered text ends with a number (its last character is a digit), so that a unit may follow it. */
export const endsWithNumber = (text: string): boolean => /\p{N}$/u.test(text);

/** A quantity's value and unit as one text field (`$10^{-4}$ S cm$^{-1}$`), so that `bindUnits` keeps them together. */
export const valueWithUnit = (q: { value: string; unit: string }): string => (q.unit ? `${q.value} ${q.unit}` : q.value);
