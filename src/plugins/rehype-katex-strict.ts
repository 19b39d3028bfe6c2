import type { Element, ElementContent, Root } from 'hast';
import type { KatexOptions } from 'katex';
import rehypeKatex from 'rehype-katex';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

// KaTeX sets some input it will not render as red text instead of failing: a command its `trust` policy refuses
// (\href, \url, \includegraphics, \htmlId …) comes out as the command's name in `errorColor`, and rehype-katex, after
// an error it reports, renders again leniently (a `katex-error` span, or red text). This plugin renders the math
// with rehype-katex, one formula at a time so that each keeps its place in the source, and fails the file at the
// first formula that did not render cleanly.

/** KaTeX's default `errorColor`. */
const KATEX_ERROR_COLOR = '#cc0000';

const classes = (node: Element) => (Array.isArray(node.properties.className) ? node.properties.className.map(String) : []);
/** The elements rehype-katex renders (remark-math's `math-inline` and `math-display`, and ```` ```math ````). */
const isMath = (node: Element) => classes(node).some((c) => c === 'language-math' || c === 'math-display' || c === 'math-inline');
const textOf = (node: ElementContent): string =>
  node.type === 'text' ? node.value : node.type === 'element' ? node.children.map(textOf).join('') : '';

/** An error KaTeX set in a rendered formula: the text it shows, and for a `katex-error` element the error. */
export interface KatexError {
  text: string;
  error?: string;
}

/**
 * What KaTeX set as an error in a rendered formula, in reading order, each once: a `katex-error` element (its title
 * is the error), and text in KaTeX's error colour (an inline `color:` style, or MathML's `mathcolor`), which is the
 * name of a command it refused. Pure.
 */
export function katexErrors(rendered: readonly ElementContent[], errorColor = KATEX_ERROR_COLOR): KatexError[] {
  const color = errorColor.toLowerCase();
  const found: KatexError[] = [];
  const add = (e: KatexError) => found.some((f) => f.text === e.text) || found.push(e);
  visit({ type: 'root', children: [...rendered] } as Root, 'element', (node) => {
    const p = node.properties;
    if (classes(node).includes('katex-error')) {
      add({ text: textOf(node), error: String(p.title ?? '') });
      return SKIP;
    }
    const style = String(p.style ?? '').toLowerCase().replace(/\s+/g, '');
    const mathColor = String(p.mathColor ?? p.mathcolor ?? '').toLowerCase();
    if (style.split(';').includes(`color:${color}`) || mathColor === color) {
      add({ text: textOf(node) });
      return SKIP;
    }
    return undefined;
  });
  return found;
}

/** The bodies of the `\ce{…}` in `tex` (braces inside them balanced), outermost first. */
function ceBodies(tex: string): string[] {
  const bodies: string[] = [];
  for (const m of tex.matchAll(/\\ce\{/g)) {
    let depth = 0;
    for (let i = m.index + m[0].length; i < tex.length; i++) {
      if (tex[i] === '{') depth++;
      else if (tex[i] === '}' && depth-- === 0) {
        bodies.push(tex.slice(m.index + m[0].length, i));
        break;
      }
    }
  }
  return bodies;
}

/** An arrow of mhchem followed by a label in brackets (`->[above][below]`). */
const ARROW_WITH_LABEL = /(?:<-->|<->|<=>>|<<=>|<=>|->|<-)\[/g;

/**
 * A mistake in a `\ce{…}` that mhchem does not report but sets as something else: an empty formula, or an arrow
 * whose label never closes its `[` (`A ->[above B` sets "[above B" after the arrow). Undefined when there is none.
 * Pure.
 */
export function mhchemMistake(tex: string): string | undefined {
  for (const body of ceBodies(tex)) {
    if (body.trim() === '') return 'an empty \\ce{}';
    for (const m of body.matchAll(ARROW_WITH_LABEL)) {
      let depth = 0;
      const closed = [...body.slice(m.index + m[0].length)].some((ch) => {
        if (ch === '{') depth++;
        else if (ch === '}') depth--;
        return ch === ']' && depth === 0;
      });
      if (!closed) return `the label of the arrow "${m[0].slice(0, -1)}" opens "[" and never closes it`;
    }
  }
  return undefined;
}

/** Why a formula (`shown` as the source writes it) failed, in the words the build prints; undefined if it did not. */
function failureOf(shown: string, file: VFile, before: number, rendered: readonly ElementContent[], errorColor?: string): string | undefined {
  const thrown = file.messages.slice(before).find((m) => m.source === 'rehype-katex');
  if (thrown) return `${thrown.reason}: ${thrown.cause instanceof Error ? thrown.cause.message : String(thrown.cause ?? '')} (in ${shown})`;
  const [error] = katexErrors(rendered, errorColor);
  if (!error) return undefined;
  if (error.error !== undefined) return `KaTeX could not render ${shown}: ${error.error}`;
  return `KaTeX refused ${error.text} in ${shown}, which it would show as red text: the edition trusts no command that makes a link, an image or an HTML attribute (\\href, \\url, \\includegraphics, \\htmlId …)`;
}

/**
 * Renders every formula of `tree` with rehype-katex and `options`, and fails `file` at the first one that has a
 * mhchem mistake (`mhchemMistake`), that KaTeX could not render, or whose output holds an error (`katexErrors`),
 * with the formula's line and column.
 */
export function renderMathStrictly(tree: Root, file: VFile, options: KatexOptions): void {
  const render = rehypeKatex(options);
  visit(tree, 'element', (node, index, parent) => {
    if (!parent || index === undefined) return undefined;
    // ```math is a <pre><code class="language-math">, which rehype-katex replaces whole.
    const math = isMath(node) ? node : node.tagName === 'pre' ? node.children.find((c): c is Element => c.type === 'element' && isMath(c)) : undefined;
    if (!math) return undefined;
    const tex = textOf(math).trim();
    const shown = math === node && !classes(math).includes('math-display') ? `$${tex}$` : `$$${tex}$$`;
    const place = (math.position ?? node.position)?.start;
    const fail = (reason: string) => file.fail(reason, { place, ruleId: 'katex', source: 'rehype-katex-strict' });
    const mistake = mhchemMistake(tex);
    if (mistake) fail(`mhchem: ${mistake} in ${shown}`);
    const formula: Root = { type: 'root', children: [node] };
    const before = file.messages.length;
    render(formula, file);
    const failure = failureOf(shown, file, before, formula.children as ElementContent[], options.errorColor);
    if (failure) fail(failure);
    parent.children.splice(index, 1, ...(formula.children as ElementContent[]));
    return [SKIP, index + formula.children.length];
  });
}

/**
 * rehype plugin: rehype-katex, strictly (see `renderMathStrictly`). TeX that KaTeX refuses or cannot render fails the
 * build at its line; nothing is ever published as red text.
 */
export default function rehypeKatexStrict(options: KatexOptions) {
  return (tree: Root, file: VFile) => renderMathStrictly(tree, file, options);
}
