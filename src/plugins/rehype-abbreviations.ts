import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import { escapeRegExp } from '../shared/regexp';

/** A glossary abbreviation, as this plugin needs it. */
export interface Abbreviation {
  /** Glossary id, the anchor of its entry. */
  id: string;
  /** As written in the text ("ASSLB"). */
  term: string;
  /** The expansion as plain text, for the `title`. */
  expansion: string;
}

export interface AbbreviationOptions {
  abbreviations: readonly Abbreviation[];
  /** URL of the glossary entry of `id`. */
  href: (id: string) => string;
  /**
   * URL prefixes of the record pages (materials, techniques, cells) that a link whose text is an abbreviation counts
   * as its use for: `[TEM](technique:tem)`.
   */
  pages?: readonly string[];
}

/** Elements whose text is not prose to mark: links, code, headings, contents, forms, SVG and MathML. */
const SKIPPED_TAGS = new Set([
  'a', 'abbr', 'code', 'pre', 'kbd', 'samp', 'var', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'nav', 'script', 'style',
  'template', 'svg', 'math', 'button', 'select', 'textarea', 'label', 'summary',
]);
/**
 * Rendered formulas (KaTeX's, and those set as text that would read as prose: src/lib/text-formula.ts), their
 * hidden plain readings, and text only assistive technology reads.
 */
const SKIPPED_CLASSES = ['katex', 'katex-display', 'formula', 'math-index', 'visually-hidden'];
/**
 * The pieces of a formula set as text (`Li<sub>2</sub>S`, `<i>x</i>`): their text is no prose, and text that touches
 * one continues its word, so that the S of Li<sub>2</sub>S is not a glossary term S.
 */
const FORMULA_PIECES = new Set(['sub', 'sup', 'i']);
const isFormulaPiece = (node: ElementContent | undefined) => node?.type === 'element' && FORMULA_PIECES.has(node.tagName);

function skipped(node: Element): boolean {
  const p = node.properties;
  const classes = Array.isArray(p.className) ? p.className : [];
  return (
    SKIPPED_TAGS.has(node.tagName) ||
    FORMULA_PIECES.has(node.tagName) ||
    classes.some((c) => SKIPPED_CLASSES.includes(String(c))) ||
    (p.hidden !== undefined && p.hidden !== false) ||
    p.ariaHidden === 'true' ||
    p.dataPagefindIgnore !== undefined ||
    (node.tagName === 'details' && !p.open)
  );
}

/** `s` as a regular expression that matches it literally. */

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  return node.type === 'element' ? node.children.map(textOf).join('') : '';
}

/** `<a href="…#id"><abbr title="expansion">…</abbr></a>`, nothing more: every page carries a few dozen. */
function abbr(entry: Abbreviation, children: ElementContent[]): Element {
  return { type: 'element', tagName: 'abbr', properties: { title: entry.expansion }, children };
}

/**
 * Marks the first use of each glossary abbreviation in the prose of `tree` (one page): the abbreviation, as a
 * whole word or with a plural "s" ("ASSLBs"), becomes a link to its glossary entry holding an `<abbr>` with the
 * expansion. A word is read across the pieces of a formula set as text: one that runs into a `<sub>`, `<sup>` or
 * `<i>` is part of the formula and never marked. Text inside links, code, headings, navigation (the on-page
 * contents), formulas and hidden or search-ignored elements is left alone. A link to a glossary entry written in the
 * text (`[ASSLB](term:asslb)`) counts as a use: if it is the first and its text is the abbreviation, it gets the `<abbr>` inside; either way
 * the abbreviation is not marked again. So does a link to a record's page (`options.pages`) whose text is the
 * abbreviation (`[TEM](technique:tem)`): the term is linked once, to its page.
 * Where such a cross-link comes after the abbreviation's first plain use, that use links to the cross-link's page
 * rather than to the glossary (rehype-link-once then leaves the later link as text). Returns the ids marked or
 * linked, in reading order.
 */
export function abbreviationsTransform(tree: Root | Element, options: AbbreviationOptions): string[] {
  const byTerm = new Map(options.abbreviations.map((a) => [a.term, a]));
  const byHref = new Map(options.abbreviations.map((a) => [options.href(a.id), a]));
  if (byTerm.size === 0) return [];
  // Longest first, so that "c-LLZO" is found as itself rather than as "LLZO".
  const alternatives = [...byTerm.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${alternatives})s?(?![\\p{L}\\p{N}])`, 'gu');
  const seen: string[] = [];
  /** Each abbreviation's page, where a cross-link whose text is the abbreviation leads there. */
  const pageOf = new Map<string, string>();
  const crossLinked = (node: Element): Abbreviation | undefined => {
    if (node.tagName !== 'a' || !options.pages?.some((p) => String(node.properties.href).startsWith(p))) return undefined;
    const text = textOf(node).trim();
    return byTerm.get(text) ?? (text.endsWith('s') ? byTerm.get(text.slice(0, -1)) : undefined);
  };
  const scan = (node: Root | RootContent) => {
    if (node.type !== 'element' && node.type !== 'root') return;
    const entry = node.type === 'element' ? crossLinked(node) : undefined;
    if (entry && !pageOf.has(entry.id)) pageOf.set(entry.id, String((node as Element).properties.href));
    for (const child of node.children) scan(child);
  };
  scan(tree);

  /** `node` with its first uses marked; `joined` tells whether a formula's piece touches it before and after. */
  const mark = (node: Text, joined: { before: boolean; after: boolean }): ElementContent[] => {
    const out: ElementContent[] = [];
    let last = 0;
    for (const m of node.value.matchAll(pattern)) {
      if ((joined.before && m.index === 0) || (joined.after && m.index + m[0].length === node.value.length)) continue;
      const entry = byTerm.get(m[1]!)!;
      if (seen.includes(entry.id)) continue;
      seen.push(entry.id);
      if (m.index > last) out.push({ type: 'text', value: node.value.slice(last, m.index) });
      out.push({ type: 'element', tagName: 'a', properties: { href: pageOf.get(entry.id) ?? options.href(entry.id) }, children: [abbr(entry, [{ type: 'text', value: m[0] }])] });
      last = m.index + m[0].length;
    }
    if (last === 0) return [node];
    if (last < node.value.length) out.push({ type: 'text', value: node.value.slice(last) });
    return out;
  };

  const walk = (parent: Root | Element) => {
    const children: typeof parent.children = [];
    for (const [i, child] of parent.children.entries()) {
      if (child.type === 'text') {
        const siblings = parent.children as ElementContent[];
        children.push(...mark(child, { before: isFormulaPiece(siblings[i - 1]), after: isFormulaPiece(siblings[i + 1]) }));
        continue;
      }
      if (child.type === 'element') {
        const linked = child.tagName === 'a' ? (byHref.get(String(child.properties.href)) ?? crossLinked(child)) : undefined;
        if (linked && !seen.includes(linked.id)) {
          seen.push(linked.id);
          const text = textOf(child).trim();
          if (text === linked.term || text === `${linked.term}s`) child.children = [abbr(linked, child.children)];
        } else if (!linked && !skipped(child)) walk(child);
      }
      children.push(child as never);
    }
    parent.children = children as never;
  };
  walk(tree);
  return seen;
}

/** rehype plugin: marks the first use of each glossary abbreviation in the tree (see `abbreviationsTransform`). */
export default function rehypeAbbreviations(options: AbbreviationOptions) {
  return (tree: Root) => {
    abbreviationsTransform(tree, options);
  };
}
