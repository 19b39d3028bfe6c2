import katex from 'katex';
import 'katex/contrib/mhchem';
import { toHtml } from 'hast-util-to-html';
import { texToPlain } from '../plugins/plain-text';
import { textFormula } from './text-formula';

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

/** Text with inline math in `$…$`: the text is escaped, the math rendered. An unpaired `$` is an error. */
export function renderInline(text: string): string {
  const parts = text.split('$');
  if (parts.length % 2 === 0) throw new Error(`unpaired "$" in ${JSON.stringify(text)}`);
  return parts.map((part, i) => (i % 2 === 0 ? escapeHtml(part) : renderMath(part))).join('');
}
