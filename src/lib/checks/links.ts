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
  // One parse per page: its ids and its links.
  const ids = new Map<string, Set<string>>();
  const links = new Map<string, string[]>();
  for (const page of pages) {
    const dom = parse(page.html);
    ids.set(page.url, new Set(dom.querySelectorAll('[id]').map((e) => e.id)));
    links.set(page.url, dom.querySelectorAll('[href], [src]').map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? ''));
  }
  const files = new Map<string, string | undefined>();
  /** The file a path names (a folder's index.html), or undefined when there is none; asked of the disk once. */
  const fileOf = (path: string) => {
    if (!files.has(path)) {
      const file = existsSync(path) && statSync(path).isDirectory() ? join(path, 'index.html') : path;
      files.set(path, existsSync(file) ? file : undefined);
    }
    return files.get(path);
  };
  const broken: BrokenLink[] = [];
  for (const page of pages) {
    for (const raw of links.get(page.url)!) {
      if (/^(?:[a-z]+:|\/\/)/i.test(raw)) continue; // absolute URLs: not ours to resolve
      const url = new URL(raw, `http://site${page.url}`);
      const report = (reason: string) => broken.push({ page: page.url, href: raw, reason });
      if (!url.pathname.startsWith(base)) {
        report(`outside the base path ${base}`);
        continue;
      }
      const file = fileOf(join(dir, decodeURIComponent(url.pathname.slice(base.length))));
      if (!file) {
        report('no such file');
        continue;
      }
      const anchor = decodeURIComponent(url.hash.slice(1));
      if (anchor && file.endsWith('.html') && !(ids.get(url.pathname)?.has(anchor) ?? false)) report(`no element with id "${anchor}"`);
    }
  }
  return broken;
}
