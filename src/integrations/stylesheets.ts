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

/** A built stylesheet's name without its content hash (`Base.usbdPAn3.css` → `Base`); throws on a name without one. */
function stem(file: string): string {
  const m = /^(.+)\.[\w-]{8}\.css$/.exec(basename(file));
  if (!m) throw new Error(`stylesheets: ${file} has no content hash in its name`);
  return m[1]!;
}

const stylesheetLink = /<link rel="stylesheet" href="([^"]+)">/g;

/**
 * One stylesheet per page. Astro gives a page one CSS file for the layout's rules and one more for each of its
 * components' own (the explorer's, the diagrams', the search interface's), each render-blocking. At the end of the
 * build this writes, for each set of stylesheets pages link, one file that holds them in order, links it from those
 * pages instead, and deletes the originals, but for one a script loads. KaTeX's rules are taken out of every file
 * and put back, pruned to the classes the pages use, only into the files of pages that show math (KaTeX's
 * stylesheet is ~3.5 kB gzip, most of it for constructs the edition never writes); a page without math loads
 * neither those rules nor KaTeX's fonts. A file is named after its parts and its content (`Base-diagrams.<hash>.css`,
 * `Base-katex.<hash>.css`). Runs before the search index and the output checks.
 */
export function pageStylesheets(): AstroIntegration {
  return {
    name: 'edition:stylesheets',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && !relative(root, e.parentPath).split(sep).includes('pagefind'));
        const cssFiles = new Map(files.filter((e) => e.name.endsWith('.css')).map((e) => [e.name, join(e.parentPath, e.name)]));
        const pages = builtPages(root);
        const used = new Set<string>();
        for (const { html } of pages) classesIn(html, used);
        const parts = new Map<string, { site: string; katex: string }>();
        const partsOf = (href: string, page: string) => {
          const name = basename(href);
          const file = cssFiles.get(name);
          if (!file) throw new Error(`stylesheets: ${page} links ${href}, which the build did not write`);
          if (!parts.has(name)) parts.set(name, splitKatexCss(readFileSync(file, 'utf8')));
          return { name, file, ...parts.get(name)! };
        };
        /** Combined file's href by the page's stylesheets (and whether it shows math). */
        const combined = new Map<string, string>();
        let withMath = 0;
        for (const { file, html } of pages) {
          const links = [...html.matchAll(stylesheetLink)];
          if (links.length === 0) continue;
          const page = relative(root, file);
          const sheets = links.map((m) => partsOf(m[1]!, page));
          const math = classesIn(html).has('katex');
          if (math && !sheets.some((s) => s.katex)) throw new Error(`stylesheets: ${page} shows math but none of its stylesheets (${sheets.map((s) => s.name).join(', ')}) holds KaTeX's rules`);
          const key = `${sheets.map((s) => s.name).join(' ')}${math ? ' katex' : ''}`;
          let href = combined.get(key);
          if (href === undefined) {
            const css = sheets.map((s) => s.site).join('') + (math ? pruneKatexCss(sheets.map((s) => s.katex).join(''), used) : '');
            const name = `${[...sheets.map((s) => stem(s.file)), ...(math ? ['katex'] : [])].join('-')}.${contentHash(css)}.css`;
            writeFileSync(join(dirname(sheets[0]!.file), name), css);
            href = links[0]![1]!.replace(/[^/]+$/, name);
            combined.set(key, href);
          }
          if (math) withMath++;
          let first = true;
          const out = html.replace(stylesheetLink, () => (first ? ((first = false), `<link rel="stylesheet" href="${href}">`) : ''));
          if (out !== html) writeFileSync(file, out);
        }
        const written = new Set([...combined.values()].map((h) => basename(h)));
        // A stylesheet a script loads (the search dialog's, which Vite may write as the same file as the search
        // page's own part) stays.
        const scripts = files.filter((e) => e.name.endsWith('.js')).map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'));
        for (const name of parts.keys()) if (!written.has(name) && !scripts.some((js) => js.includes(name))) rmSync(cssFiles.get(name)!);
        logger.info(`${combined.size} stylesheets, one per page; KaTeX's rules in those of the ${withMath} of ${pages.length} pages that show math`);
      },
    },
  };
}
