import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtPages } from '../lib/checks/site-files';

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

/** Every class named in a page's `class` attributes. */
export function classesIn(html: string, into = new Set<string>()): Set<string> {
  for (const m of html.matchAll(/\sclass=(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/g))
    for (const c of (m[1] ?? m[2] ?? m[3] ?? '').split(/\s+/)) if (c) into.add(c);
  return into;
}

const contentHash = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 8);

/**
 * At the end of the build, takes KaTeX's rules out of the site's stylesheet, drops those no page uses (KaTeX's
 * stylesheet is ~3.5 kB gzip, most of it for constructs the edition never writes), and gives each stylesheet that
 * held them two versions: the site's rules alone, linked from pages without math, and the site's rules followed by
 * KaTeX's, linked from pages with math (one render-blocking file either way). Each gets a content hash in its name
 * and the pages are pointed at the right one. Runs before the search index and the output checks.
 */
export function katexStylesheet(): AstroIntegration {
  return {
    name: 'edition:katex-css',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = readdirSync(root, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => join(e.parentPath, e.name))
          .filter((f) => !relative(root, f).split(sep).includes('pagefind'));
        const pages = builtPages(root);
        const used = new Set<string>();
        for (const { html } of pages) classesIn(html, used);
        /** Old name → the site's rules alone, and the site's rules with KaTeX's (pruned), each under its new name. */
        const split = new Map<string, { site: string; withKatex: string }>();
        for (const file of files.filter((f) => f.endsWith('.css'))) {
          const { site, katex } = splitKatexCss(readFileSync(file, 'utf8'));
          if (!katex) continue;
          const name = basename(file);
          if (!/\.[\w-]{8}\.css$/.test(name)) throw new Error(`katex-css: ${file} has no content hash in its name`);
          const combined = site + pruneKatexCss(katex, used);
          const siteName = name.replace(/\.[\w-]{8}\.css$/, `.${contentHash(site)}.css`);
          const combinedName = name.replace(/\.[\w-]{8}\.css$/, `-katex.${contentHash(combined)}.css`);
          writeFileSync(join(dirname(file), siteName), site);
          writeFileSync(join(dirname(file), combinedName), combined);
          rmSync(file);
          split.set(name, { site: siteName, withKatex: combinedName });
        }
        if (!split.size) return;
        let withMath = 0;
        for (const { file, html } of pages) {
          const math = classesIn(html).has('katex');
          let out = html;
          for (const [from, to] of split)
            out = out.replace(new RegExp(`(<link rel="stylesheet" href="[^"]*/)${from.replaceAll('.', '\\.')}"`), `$1${math ? to.withKatex : to.site}"`);
          if (math && out === html) throw new Error(`katex-css: ${relative(root, file)} shows math but links none of ${[...split.keys()].join(', ')}`);
          if (math) withMath++;
          if (out !== html) writeFileSync(file, out);
        }
        logger.info(`KaTeX's rules (in ${[...split.values()].map((v) => v.withKatex).join(', ')}) linked from the ${withMath} of ${pages.length} pages that show math`);
      },
    },
  };
}
