// KaTeX's rules in the built stylesheets: told apart from the site's, and pruned to what the pages use. The
// stylesheets are read by lightningcss, the parser Vite minified them with; a rule that is kept is kept as written,
// byte for byte, so that a stylesheet without KaTeX's rules keeps its content and its name. Pure.
import { transform, type FontFamily, type Rule, type Selector, type TokenOrValue } from 'lightningcss';

/** A part of a stylesheet: a top-level rule with its text as written, or (without `rule`) text before or after the rules. */
export interface CssPart {
  text: string;
  rule?: Rule;
}

const filename = 'built.css';

/** Where each line begins (CSS ends a line at LF, CR LF, CR or FF, and lightningcss counts lines so). */
function lineStarts(css: string): number[] {
  const starts = [0];
  for (let i = 0; i < css.length; i++) if (css[i] === '\n' || css[i] === '\f' || (css[i] === '\r' && css[i + 1] !== '\n')) starts.push(i + 1);
  return starts;
}

/**
 * Where a top-level rule begins in the text: lightningcss gives its line and its column in UTF-16 code units, as
 * JavaScript indexes strings.
 */
function startOf(rule: Rule, lines: number[]): number {
  const loc = 'value' in rule && typeof rule.value === 'object' && rule.value !== null && 'loc' in rule.value ? rule.value.loc : undefined;
  if (!loc) throw new Error(`stylesheets: lightningcss gave no place for a top-level ${rule.type} rule`);
  return lines[loc.line]! + loc.column - 1;
}

/**
 * The top-level rules of a stylesheet, each with its text: from where it begins to where the next begins (the last
 * to the end of the text, trailing whitespace apart).
 */
export function topLevelRules(css: string): CssPart[] {
  let rules: Rule[] = [];
  transform({ filename, code: Buffer.from(css), visitor: { StyleSheet: (sheet) => void (rules = sheet.rules) } });
  const lines = lineStarts(css);
  const starts = rules.map((r) => startOf(r, lines));
  const end = css.trimEnd().length;
  const parts: CssPart[] = rules.map((rule, i) => ({ rule, text: css.slice(starts[i], starts[i + 1] ?? end) }));
  const before = css.slice(0, starts[0] ?? end);
  return [...(before ? [{ text: before }] : []), ...parts, ...(end < css.length ? [{ text: css.slice(end) }] : [])];
}

/** The classes a selector asks of the elements it matches, not counting those inside `:not()` or another pseudo-class. */
const classesOf = (selector: Selector) => selector.flatMap((c) => (c.type === 'class' ? [c.name] : []));

/** A selector of KaTeX's: it names one of KaTeX's classes (`katex`, `katex-display`, `katex-html` …). */
const isKatexSelector = (selector: Selector) => classesOf(selector).some((c) => c === 'katex' || c.startsWith('katex-'));

/** The family an `@font-face` rule of KaTeX's declares (`KaTeX_Main` …), or undefined for any other rule. */
function katexFace(rule: Rule | undefined): string | undefined {
  if (rule?.type !== 'font-face') return undefined;
  const family = rule.value.properties.find((p) => p.type === 'font-family')?.value as FontFamily | undefined;
  return family?.startsWith('KaTeX_') ? family : undefined;
}

/** A top-level style rule all of whose selectors are KaTeX's. */
export const ownedByKatex = (rule: Rule | undefined): rule is Extract<Rule, { type: 'style' }> => rule?.type === 'style' && rule.value.selectors.every(isKatexSelector);

/** A top-level `@media` rule that holds only rules owned by KaTeX (`@media print { .katex … }`). */
const katexMedia = (rule: Rule | undefined) => rule?.type === 'media' && rule.value.rules.length > 0 && rule.value.rules.every(ownedByKatex);

/**
 * Splits a stylesheet into KaTeX's part (top-level rules all of whose selectors are KaTeX's, `@media` rules that hold
 * only such rules, and KaTeX's `@font-face`s) and the site's part (every other rule, in order).
 */
export function splitKatexCss(css: string): { site: string; katex: string } {
  const site: string[] = [];
  const katex: string[] = [];
  for (const { rule, text } of topLevelRules(css)) (ownedByKatex(rule) || katexMedia(rule) || katexFace(rule) ? katex : site).push(text);
  return { site: site.join(''), katex: katex.join('') };
}

/** The font families the `font-family` and `font` declarations of a stylesheet name. */
function familiesNamed(css: string): Set<string> {
  const named = new Set<string>();
  const add = (families: readonly FontFamily[]) => families.forEach((f) => named.add(f));
  // A value lightningcss leaves unparsed (one with var(), say) names its families as identifiers and strings.
  const addTokens = (tokens: readonly TokenOrValue[]) => tokens.forEach((t) => t.type === 'token' && (t.value.type === 'ident' || t.value.type === 'string') && named.add(t.value.value));
  transform({
    filename,
    code: Buffer.from(css),
    visitor: {
      Declaration: {
        'font-family': (d) => (d.property === 'font-family' ? add(d.value) : addTokens(d.value.value)),
        font: (d) => (d.property === 'font' ? add(d.value.family) : addTokens(d.value.value)),
      },
    },
  });
  return named;
}

/** The element names a selector asks for (`.katex img` → `img`), not counting those inside `:not()` or another pseudo-class. */
const typesOf = (selector: Selector) => selector.flatMap((c) => (c.type === 'type' ? [c.name.toLowerCase()] : []));

/**
 * Drops the KaTeX rules no page can match: a rule all of whose selectors are KaTeX's goes when each selector asks
 * for a class that no built page uses, or (where `usedElements` is given) an element that no page has (`.katex img`);
 * a KaTeX `@font-face` goes when no remaining rule names its family. Every other rule is kept as it is.
 */
export function pruneKatexCss(css: string, usedClasses: ReadonlySet<string>, usedElements?: ReadonlySet<string>): string {
  const matches = (s: Selector) => classesOf(s).every((c) => usedClasses.has(c)) && (!usedElements || typesOf(s).every((t) => usedElements.has(t)));
  const kept = topLevelRules(css).filter(({ rule }) => !ownedByKatex(rule) || rule.value.selectors.some(matches));
  const named = familiesNamed(kept.filter((p) => !katexFace(p.rule)).map((p) => p.text).join(''));
  return kept
    .filter((p) => {
      const face = katexFace(p.rule);
      return face === undefined || named.has(face);
    })
    .map((p) => p.text)
    .join('');
}
