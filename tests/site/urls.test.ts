import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pages } from './dist';

const manifest = readFileSync('content/published-urls.txt', 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));

describe('published URLs', () => {
  it('the manifest lists the pages and the anchors of every section', () => {
    expect(manifest.length).toBeGreaterThan(pages().length);
    expect(manifest.some((u) => u.includes('#'))).toBe(true);
  });

  it('every published URL and anchor is still served', () => {
    const byUrl = new Map(pages().map((p) => [p.url, p]));
    const missing = manifest.filter((entry) => {
      const [url, anchor] = entry.split('#') as [string, string | undefined];
      const page = byUrl.get(url);
      return !page || (anchor !== undefined && !page.dom.getElementById(anchor));
    });
    expect(missing).toEqual([]);
  });
});
