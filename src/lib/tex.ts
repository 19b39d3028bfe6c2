import katex from 'katex';
import 'katex/contrib/mhchem';
import { toHtml } from 'hast-util-to-html';
import { texToPlain } from '../plugins/plain-text';
import { CITATION, citedNumbers, parseCitation, type Item } from '../plugins/remark-citations';
import { makeRoutes } from './routes';
import { textFormula } from './text-formula';
import { typeset } from './typeset';
import { bindUnits, endsWithNumber } from './units';

/**
 * KaTeX rendering for TeX held in data records (formulas, reactions, inline math in YAML text). Inline TeX that
 * needs no mathematical layout is written as HTML instead, as in the Markdown bodies (src/lib/text-formula.ts).
 * The same katex copy serves rehype-katex (one copy in the tree, pinned by npm `overrides`), so `\ce{}` works in both.
 * Errors are thrown, never rendered as red text.
 */
const cache = new Map<string, string>();

export function renderMath(tex: string, displayMode = false): string {
  const key = `${displayMode ? 'D' : 'I'}${tex}`;
  let html = cache.get(key);
  if (html === undefined) {
    const plain = displayMode ? undefined : textFormula(tex);
    html = plain ? toHtml(plain) : katexHtml(tex, displayMode);
    cache.set(key, html);
  }
  return html;
}

function katexHtml(tex: string, displayMode: boolean): string {
  const rendered = katex.renderToString(tex, { displayMode, throwOnError: true, output: 'htmlAndMathml', strict: false });
  // As rehype-math-index does for the Markdown bodies: the formula is kept out of the search index, and a hidden
  // plain reading of it goes in.
  return `<span hidden class="math-index">${escapeHtml(texToPlain(tex))}</span>${rendered.replace(/^<span class="(katex(?:-display)?)"/, '<span class="$1" data-pagefind-ignore')}`;
}

/** A formula in mhchem notation (`LiCoO2`), rendered inline. */
export function renderChem(formula: string): string {
  return renderMath(`\\ce{${formula}}`);
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapes[c]!);
}

const routes = makeRoutes(import.meta.env.BASE_URL);

/**
 * A citation as the text shows it, `[47, 196]` or `[127–129]`, each number a link to its reference (as the Markdown
 * bodies' citations are; section pages preview them, see src/scripts/section.ts).
 */
export function citationHtml(items: readonly Item[]): string {
  const link = (n: number) => `<a href="${routes.reference(n)}" data-ref="${n}">${n}</a>`;
  return `<span class="cite">[${items.map(({ from, to }) => (from === to ? link(from) : `${link(from)}–${link(to)}`)).join(', ')}]</span>`;
}

/** The citations (`[@47, 196]`, as in the Markdown bodies) of a text field, parsed; throws on a malformed one. */
function citationsIn(text: string): { at: number; length: number; items: Item[] }[] {
  return [...text.matchAll(CITATION)].map((m) => {
    const items = parseCitation(m[1] ?? '');
    if (typeof items === 'string') throw new Error(items);
    return { at: m.index ?? 0, length: m[0].length, items };
  });
}

/** Every reference number the citations of a text field cite, ranges expanded; throws on a malformed citation. */
export function citedInText(text: string): number[] {
  return citationsIn(text).flatMap((c) => citedNumbers(c.items));
}

/**
 * Text outside math: escaped, its numbers bound to their units (`bindUnits`; `afterNumber` when it follows math that
 * ends with a number), its citations linked as the Markdown bodies' are (`<span class="cite">`).
 */
function renderText(text: string, afterNumber: boolean): string {
  let out = '';
  let last = 0;
  for (const { at, length, items } of citationsIn(text)) {
    out += escapeHtml(bindUnits(text.slice(last, at), afterNumber && last === 0)) + citationHtml(items);
    last = at + length;
  }
  return out + escapeHtml(bindUnits(text.slice(last), afterNumber && last === 0));
}

/**
 * Text with inline math in `$…$` and citations in `[@…]`: the text is typeset (`typeset`: curly quotes, as in the
 * MDX bodies) and escaped, the math rendered, the citations linked. An unpaired `$` or a malformed citation is an
 * error.
 */
export function renderInline(text: string): string {
  const parts = typeset(text).split('$');
  if (parts.length % 2 === 0) throw new Error(`unpaired "$" in ${JSON.stringify(text)}`);
  // Math that ends with a number (`10^{-4}`, closing braces aside) may be followed by its unit.
  return parts.map((part, i) => (i % 2 === 0 ? renderText(part, i > 0 && endsWithNumber(parts[i - 1]!.replace(/[}\s]+$/, ''))) : renderMath(part))).join('');
}
