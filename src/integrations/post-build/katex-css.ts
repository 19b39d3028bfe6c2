// KaTeX's rules in the built stylesheets: told apart from the site's, and pruned to what the pages use. Pure.

/** Top-level rules of a minified stylesheet, each with its prelude (selector or at-rule) and its whole text. */
export function topLevelRules(css: string): { prelude: string; text: string }[] {
  const rules: { prelude: string; text: string }[] = [];
  let depth = 0;
  let start = 0;
  let quote = '';
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      const text = css.slice(start, i + 1);
      rules.push({ prelude: text.slice(0, text.indexOf('{')).trim(), text });
      start = i + 1;
    }
  }
  const rest = css.slice(start);
  if (rest) rules.push({ prelude: '', text: rest });
  return rules;
}

const isKatexFace = (r: { prelude: string; text: string }) => r.prelude === '@font-face' && /font-family:\s*["']?KaTeX_/.test(r.text);

/**
 * Splits a stylesheet into KaTeX's part (top-level rules all of whose selectors are KaTeX's, and KaTeX's
 * `@font-face`s) and the site's part (every other rule, in order). Pure.
 */
export function splitKatexCss(css: string): { site: string; katex: string } {
  const site: string[] = [];
  const katex: string[] = [];
  for (const rule of topLevelRules(css)) {
    const ownedByKatex = isKatexFace(rule) || (rule.prelude !== '' && !rule.prelude.startsWith('@') && rule.prelude.split(',').every((s) => s.includes('.katex')));
    (ownedByKatex ? katex : site).push(rule.text);
  }
  return { site: site.join(''), katex: katex.join('') };
}

/**
 * Drops the KaTeX rules no page can match: a rule all of whose selectors belong to KaTeX (`.katex…`) goes when each
 * selector names a class that no built page uses; a KaTeX `@font-face` goes when no remaining rule names its family.
 * Every other rule is kept as it is. Pure.
 */
export function pruneKatexCss(css: string, usedClasses: ReadonlySet<string>): string {
  const matchable = (selector: string) => [...selector.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].every((m) => usedClasses.has(m[1]!));
  const kept = topLevelRules(css).filter(({ prelude }) => {
    if (prelude === '' || prelude.startsWith('@')) return true;
    const selectors = prelude.split(',');
    if (!selectors.every((s) => s.includes('.katex'))) return true;
    return selectors.some(matchable);
  });
  const rest = kept.filter((r) => !isKatexFace(r)).map((r) => r.text).join('');
  return kept
    .filter((r) => !isKatexFace(r) || rest.includes(/font-family:\s*["']?(KaTeX_[\w-]+)/.exec(r.text)![1]!))
    .map((r) => r.text)
    .join('');
}

