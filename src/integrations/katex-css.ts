import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

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
  const isKatexFace = (r: { prelude: string; text: string }) => r.prelude === '@font-face' && /font-family:\s*["']?KaTeX_/.test(r.text);
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

/**
 * At the end of the build, removes from the site's stylesheets the KaTeX rules and fonts that no page uses (KaTeX's
 * stylesheet is ~3.5 kB gzip, most of it for constructs the edition never writes), gives each changed stylesheet a
 * new content hash and points the pages at it. Runs before the search index and the output checks.
 */
export function katexCssPrune(): AstroIntegration {
  return {
    name: 'edition:katex-css-prune',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = readdirSync(root, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => join(e.parentPath, e.name))
          .filter((f) => !relative(root, f).split(sep).includes('pagefind'));
        const pages = files.filter((f) => f.endsWith('.html'));
        const used = new Set<string>();
        for (const page of pages) classesIn(readFileSync(page, 'utf8'), used);
        const renamed = new Map<string, string>();
        let saved = 0;
        for (const file of files.filter((f) => f.endsWith('.css'))) {
          const css = readFileSync(file, 'utf8');
          const pruned = pruneKatexCss(css, used);
          if (pruned === css) continue;
          const hash = createHash('sha256').update(pruned).digest('base64url').slice(0, 8);
          const name = basename(file).replace(/\.[\w-]{8}\.css$/, `.${hash}.css`);
          if (name === basename(file)) throw new Error(`katex-css-prune: ${file} has no content hash in its name`);
          writeFileSync(join(dirname(file), name), pruned);
          renamed.set(basename(file), name);
          saved += css.length - pruned.length;
        }
        if (!renamed.size) return;
        for (const page of pages) {
          const html = readFileSync(page, 'utf8');
          let out = html;
          for (const [from, to] of renamed) out = out.replaceAll(`/${from}"`, `/${to}"`);
          if (out !== html) writeFileSync(page, out);
        }
        for (const file of files.filter((f) => f.endsWith('.css') && renamed.has(basename(f)))) rmSync(file);
        logger.info(`removed ${saved} bytes of unused KaTeX CSS from ${renamed.size} stylesheet(s)`);
      },
    },
  };
}
