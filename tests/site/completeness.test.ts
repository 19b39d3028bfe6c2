import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distDir, page, pages } from './dist';

/** The graph as the build exported it (/data/), so that these checks follow the content, not a copy of it. */
const data = <T>(name: string) => JSON.parse(readFileSync(join(distDir, 'data', `${name}.json`), 'utf8')) as T[];
type Study = { id: string; section: string; references: number[]; materials: string[]; techniques: string[]; cell: { type: string } };
const linksOn = (url: string) => new Set(page(url).dom.querySelectorAll('main a').map((a) => a.getAttribute('href')));

describe('every experiment is reachable', () => {
  const studies = data<Study>('studies');

  it('from its section, its materials, its techniques, its cell and its references', () => {
    const unreachable: string[] = [];
    for (const s of studies) {
      const href = `/studies/${s.id}/`;
      const from = [
        `/sections/${s.section}/`, `/cells/${s.cell.type}/`,
        ...s.materials.map((m) => `/materials/${m}/`), ...s.techniques.map((t) => `/techniques/${t}/`),
        ...s.references.map((n) => `/references/${n}/`),
      ];
      for (const url of from) if (!linksOn(url).has(href)) unreachable.push(`${href} from ${url}`);
    }
    expect(unreachable).toEqual([]);
    expect(studies.length).toBeGreaterThanOrEqual(40);
  });

  it('and every study is placed as a card in its section page', () => {
    const missing = studies.filter((s) => !page(`/sections/${s.section}/`).dom.querySelector(`#study-${s.id}`));
    expect(missing.map((s) => s.id)).toEqual([]);
  });
});

describe('every record is reachable from the text', () => {
  it.each(['materials', 'techniques', 'cells'])('each of the %s is linked from a section or a study page', (kind) => {
    const linked = new Set(
      pages().filter((p) => /^\/(sections|studies)\/[^/]+\/$/.test(p.url)).flatMap((p) => p.dom.querySelectorAll('main a').map((a) => a.getAttribute('href'))),
    );
    const ids = data<{ id: string }>(kind).map((r) => r.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.filter((id) => !linked.has(`/${kind}/${id}/`))).toEqual([]);
  });

  it('reactions are numbered 1…n in reading order, each once', () => {
    const reactions = data<{ id: string; number: number }>('reactions');
    expect(reactions.map((r) => r.number)).toEqual(reactions.map((_, i) => i + 1));
    const sectionOrder = [...new Set(page('/').dom.querySelectorAll('main ol.contents a').map((a) => a.getAttribute('href')!))];
    const placed = sectionOrder.flatMap((url) => (pages().some((p) => p.url === url) ? page(url).dom.querySelectorAll('main .reaction').map((r) => r.id) : []));
    expect(placed).toEqual(reactions.map((r) => r.id));
  });
});

describe('every page of the edition is reachable', () => {
  it('from a link on another page: none is an island (/data/ and /cite/ from the front page and every footer)', () => {
    const linked = new Set(pages().flatMap((p) => p.dom.querySelectorAll('a').map((a) => new URL(a.getAttribute('href') ?? '', `http://x${p.url}`).pathname)));
    const islands = pages().map((p) => p.url).filter((url) => url !== '/' && url !== '/404.html' && !linked.has(url));
    expect(islands).toEqual([]);
    expect(page('/').dom.querySelectorAll('main a').map((a) => a.getAttribute('href'))).toContain('/data/');
    const footers = pages().filter((p) => !p.dom.querySelector('footer a[href="/data/"]')).map((p) => p.url);
    expect(footers).toEqual([]);
  });
});
