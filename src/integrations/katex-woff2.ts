import type { Plugin } from 'vite';

/** Drops the woff and ttf fallbacks from a KaTeX stylesheet: every browser the edition serves reads woff2. */
export function woff2Only(css: string): string {
  return css.replace(/,\s*url\([^)]*\.(?:woff|ttf)\)\s*format\(["'](?:woff|truetype)["']\)/g, '');
}

/** Vite plugin applying `woff2Only` to KaTeX's CSS, so only woff2 fonts reach `dist/`. */
export function katexWoff2(): Plugin {
  return {
    name: 'edition:katex-woff2',
    enforce: 'pre',
    transform(code, id) {
      if (/[\\/]katex[\\/]dist[\\/]katex(?:\.min)?\.css(?:\?|$)/.test(id)) return { code: woff2Only(code), map: null };
      return undefined;
    },
  };
}
