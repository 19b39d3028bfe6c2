// KaTeX's fonts are subset at build time (src/integrations/post-build/katex-fonts.ts). Here Chromium renders every
// page that shows math and says, through its own cascade, which face sets each character of KaTeX's output; each of
// those characters that KaTeX's original font has must be in the subset the page loads, read from the font's
// character map by HarfBuzz.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { convert } from 'fontverter';
import { Blob, Face } from 'harfbuzzjs';
import { describe, expect, it } from 'vitest';
import { browserAndSite } from './browser-suite';
import { distDir, filesIn, pages } from './dist';

const env = browserAndSite();

/** The code points a font file maps to glyphs (its cmap), read by HarfBuzz from the decompressed font. */
async function characterMap(woff2: Uint8Array): Promise<Set<number>> {
  const face = new Face(new Blob(await convert(woff2, 'sfnt')), 0);
  return new Set(face.collectUnicodes());
}

const katexFonts = join(createRequire(import.meta.url).resolve('katex/package.json'), '..', 'dist', 'fonts');
/** The original KaTeX font a subset was cut from (`KaTeX_Main-Regular.<hash>.woff2` → KaTeX's `KaTeX_Main-Regular.woff2`). */
const originalOf = (file: string) => join(katexFonts, `${basename(file).replace(/\.[\w-]{8}\.woff2$/, '')}.woff2`);

interface Use {
  page: string;
  /** The `@font-face` that the browser's computed family, style and weight select, by its source's URL path. */
  font: string | undefined;
  face: string;
  chars: string;
}

/** In the page: for each text of KaTeX's visible output, its computed face and the `@font-face` declaring that face. */
function facesInPage(): Omit<Use, 'page'>[] {
  const rules: CSSFontFaceRule[] = [];
  const walk = (list: CSSRuleList) => {
    for (const r of Array.from(list)) {
      if (r instanceof CSSFontFaceRule) rules.push(r);
      else if (r instanceof CSSGroupingRule) walk(r.cssRules);
    }
  };
  for (const sheet of Array.from(document.styleSheets)) walk(sheet.cssRules);
  const weight = (w: string) => ({ normal: '400', bold: '700' })[w] ?? w;
  const unquote = (s: string) => s.trim().replace(/^["']|["']$/g, '');
  const out: Omit<Use, 'page'>[] = [];
  for (const root of Array.from(document.querySelectorAll('.katex-html'))) {
    const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let t = texts.nextNode(); t; t = texts.nextNode()) {
      const style = getComputedStyle(t.parentElement!);
      const family = unquote(style.fontFamily.split(',')[0]!);
      if (!family.startsWith('KaTeX_')) continue;
      const rule = rules.find(
        (r) =>
          unquote(r.style.getPropertyValue('font-family')) === family &&
          weight(r.style.getPropertyValue('font-weight') || 'normal') === weight(style.fontWeight) &&
          (r.style.getPropertyValue('font-style') || 'normal') === style.fontStyle,
      );
      const src = rule ? /url\(["']?([^"')]+)["']?\)/.exec(rule.style.getPropertyValue('src'))?.[1] : undefined;
      out.push({ font: src ? new URL(src, rule!.parentStyleSheet?.href ?? location.href).pathname : undefined, face: `${family} ${style.fontStyle} ${style.fontWeight}`, chars: t.textContent ?? '' });
    }
  }
  return out;
}

/** Every character that a page's math sets in a face whose subset lacks it (or whose face no `@font-face` declares). */
async function missingGlyphs(uses: readonly Use[]): Promise<string[]> {
  // One font at a time: with two decompressions in flight, wawoff2 gave a font without a character map here.
  const maps = new Map<string, { subset: Set<number>; original: Set<number> }>();
  const mapsOf = async (font: string) => {
    if (!maps.has(font)) {
      const file = join(distDir, font);
      const subset = await characterMap(readFileSync(file));
      const original = await characterMap(readFileSync(originalOf(file)));
      maps.set(font, { subset, original });
    }
    return maps.get(font)!;
  };
  const missing = new Set<string>();
  for (const use of uses) {
    if (!use.font) {
      missing.add(`${use.page}: “${use.chars}” is set in ${use.face}, which no @font-face declares`);
      continue;
    }
    const { subset, original } = await mapsOf(use.font);
    for (const ch of use.chars) {
      const cp = ch.codePointAt(0)!;
      if (original.has(cp) && !subset.has(cp)) missing.add(`${use.page}: U+${cp.toString(16).toUpperCase().padStart(4, '0')} “${ch}” (${use.face}) is not in ${use.font}`);
    }
  }
  return [...missing];
}

describe('KaTeX fonts, subset', () => {
  const withMath = pages().filter((p) => p.dom.querySelector('.katex-html'));

  it('every character an equation sets in a KaTeX face is in the subset of that face the page loads', async () => {
    expect(withMath.length).toBeGreaterThan(0);
    const context = await env.browser.newContext();
    const uses: Use[] = [];
    try {
      const tab = await context.newPage();
      for (const p of withMath) {
        await tab.goto(env.site.url(p.url), { waitUntil: 'load' });
        uses.push(...(await tab.evaluate(facesInPage)).map((u) => ({ ...u, page: p.url })));
      }
    } finally {
      await context.close();
    }
    // Every page's math was read (a page whose text went unread would pass unchecked).
    expect(withMath.filter((p) => !uses.some((u) => u.page === p.url)).map((p) => p.url)).toEqual([]);
    expect(await missingGlyphs(uses)).toEqual([]);
  });

  it('only subset faces are shipped: each font file in the build is one a stylesheet names', () => {
    const fonts = filesIn(distDir, '.woff2');
    const css = filesIn(distDir, '.css').map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(css, `${basename(f)} is shipped but no stylesheet names it`).toContain(basename(f));
  });
});
