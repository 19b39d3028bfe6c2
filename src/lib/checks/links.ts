import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import type { BuiltPage } from './site-files';

/** A link of a built page that leads nowhere. */
export interface BrokenLink {
  page: string;
  href: string;
  reason: string;
}

/**
 * Checks every internal `href` and `src` of every page: the target file exists under `dir` and, for `#anchor`,
 * the target page has an element with that id. Links outside `base` on the same site count as broken.
 */
export function findBrokenLinks(pages: BuiltPage[], dir: string, base = '/'): BrokenLink[] {
  const ids = new Map<string, Set<string>>();
  const idsOf = (url: string) => {
    let set = ids.get(url);
    if (!set) {
      const page = pages.find((p) => p.url === url);
      set = new Set(page ? parse(page.html).querySelectorAll('[id]').map((e) => e.id) : []);
      ids.set(url, set);
    }
    return set;
  };
  const broken: BrokenLink[] = [];
  for (const page of pages) {
    const dom = parse(page.html);
    for (const el of dom.querySelectorAll('[href], [src]')) {
      const raw = el.getAttribute('href') ?? el.getAttribute('src') ?? '';
      if (/^(?:[a-z]+:|\/\/)/i.test(raw)) continue; // absolute URLs: not ours to resolve
      const url = new URL(raw, `http://site${page.url}`);
      const report = (reason: string) => broken.push({ page: page.url, href: raw, reason });
      if (!url.pathname.startsWith(base)) {
        report(`outside the base path ${base}`);
        continue;
      }
      const rel = decodeURIComponent(url.pathname.slice(base.length));
      const path = join(dir, rel);
      const file = existsSync(path) && statSync(path).isDirectory() ? join(path, 'index.html') : path;
      if (!existsSync(file)) {
        report('no such file');
        continue;
      }
      const anchor = decodeURIComponent(url.hash.slice(1));
      if (anchor && file.endsWith('.html') && !idsOf(url.pathname).has(anchor)) report(`no element with id "${anchor}"`);
    }
  }
  return broken;
}
