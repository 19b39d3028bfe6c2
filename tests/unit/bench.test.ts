import { gunzipSync, gzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkBudgets, median, medianRun, sectionAllowance, searchToBare, type BenchResults, type PageWeight, type SearchRun } from '../../src/cli/bench/budgets';
import { emptyMain, gzipSize, kindOf, tally } from '../../src/cli/bench/gzip';
import { formatReport } from '../../src/cli/bench/report';
import { writeSearchFloor } from '../../src/cli/bench/search-floor';
import { pagefindOptions } from '../../src/shared/pagefind-options';
import { parseProc, treeRss } from '../../src/cli/bench/process-tree';
import { multiplyCorpus, readCorpus, type Corpus } from '../../src/cli/bench/synthetic';
import { buildGraph, graphCounts, type GraphInput } from '../../src/lib/graph/build';
import { cellSchema } from '../../src/schemas/cell';
import { glossarySchema } from '../../src/schemas/glossary';
import { materialSchema } from '../../src/schemas/material';
import { reactionSchema } from '../../src/schemas/reaction';
import { referenceSchema } from '../../src/schemas/reference';
import { sectionSchema } from '../../src/schemas/section';
import { studySchema } from '../../src/schemas/study';
import { techniqueSchema } from '../../src/schemas/technique';
import { collectMdx } from '../plugins/pipeline';

describe('gzip sizing', () => {
  it('is the gzip length of text that compresses', () => {
    const html = '<p>lithium cobalt oxide</p>'.repeat(200);
    expect(gzipSize(html)).toBe(gzipSync(html, { level: 9 }).length);
    expect(gzipSize(html)).toBeLessThan(html.length / 10);
    expect(gunzipSync(gzipSync(html)).toString()).toBe(html);
  });

  it('is the body itself when gzip does not make it smaller (woff2, wasm)', () => {
    const noise = randomBytes(4096);
    expect(gzipSize(noise)).toBe(4096);
    expect(gzipSize('')).toBe(0);
  });

  it('sorts responses by kind, from the content type first, then the extension', () => {
    expect(kindOf('http://h/sections/x/', 'text/html; charset=utf-8')).toBe('html');
    expect(kindOf('http://h/_astro/a.css')).toBe('css');
    expect(kindOf('http://h/pagefind/pagefind.js', 'text/javascript')).toBe('js');
    expect(kindOf('http://h/_astro/KaTeX_Main-Regular.B22Nviop.woff2', 'application/octet-stream')).toBe('font');
    expect(kindOf('http://h/pagefind/wasm.en.pagefind', 'application/octet-stream')).toBe('other');
    const sums = tally([
      { url: 'http://h/', contentType: 'text/html', body: Buffer.from('<p>x</p>'.repeat(50)) },
      { url: 'http://h/a.js', body: Buffer.from('let a = 1;'.repeat(50)) },
    ]);
    expect(sums.html).toBeGreaterThan(0);
    expect(sums.js).toBeGreaterThan(0);
    expect(sums.css + sums.font + sums.other).toBe(0);
  });
});

describe('a page\'s shell', () => {
  const page = '<html><head><meta name="citation_title" content="x"></head><body><header>Edition</header><main id="main" data-pagefind-body><h1>3 Li metal</h1><p>Text</p></main><footer>Version</footer></body></html>';

  it('is the page with everything inside <main> removed, and the rest kept', () => {
    expect(emptyMain(page)).toBe('<html><head><meta name="citation_title" content="x"></head><body><header>Edition</header><main id="main" data-pagefind-body></main><footer>Version</footer></body></html>');
  });

  it('needs exactly one <main>', () => {
    expect(() => emptyMain('<body><p>no main</p></body>')).toThrow(/one <main>.*found 0/);
    expect(() => emptyMain('<main>a</main><main>b</main>')).toThrow(/found 2/);
  });
});

describe('process tree memory', () => {
  it('reads the parent and the resident memory, whatever the command name holds', () => {
    const stat = '4242 (node (astro) x) S 4000 4242 4000 0 -1 4194560';
    expect(parseProc(stat, 'Name:\tnode\nVmRSS:\t  123456 kB\n')).toEqual({ ppid: 4000, rssBytes: 123456 * 1024 });
    expect(parseProc(stat, 'Name:\tzombie\n').rssBytes).toBe(0);
  });

  it('sums a process and all its descendants, and nothing else', () => {
    const procs = new Map([
      [1, { ppid: 0, rssBytes: 1000 }],
      [10, { ppid: 1, rssBytes: 10 }],
      [11, { ppid: 10, rssBytes: 20 }],
      [12, { ppid: 11, rssBytes: 40 }],
      [13, { ppid: 1, rssBytes: 500 }],
    ]);
    expect(treeRss(10, procs)).toBe(70);
    expect(treeRss(12, procs)).toBe(40);
    expect(treeRss(99, procs)).toBe(0);
  });
});

describe('budget checking', () => {
  const weight = (over: Partial<PageWeight> = {}): PageWeight => ({
    type: 'section', url: '/sections/x/', gz: { html: 5000, css: 8000, js: 0, font: 7000, other: 0 }, jsBeforeInteraction: 0,
    textGz: 6000, weightToText: 13000 / 6000, fonts: ['/_astro/KaTeX_Main-Regular.B22Nviop.woff2'], fontsUsed: ['/_astro/KaTeX_Main-Regular.B22Nviop.woff2'], ...over,
  });
  const good = (): BenchResults => ({
    build: { seconds: 50, peakBytes: 1e9, pages: 413, indexBytes: 2e6, ok: true },
    pages: [weight(), weight({ type: 'explorer', url: '/studies/', jsBeforeInteraction: 9000, gz: { html: 9000, css: 8000, js: 9000, font: 0, other: 0 }, fonts: [], fontsUsed: [] })],
    sections: [weight()],
    lighthouse: [{ type: 'section', url: '/sections/x/', performance: 100, accessibility: 100, bestPractices: 100, seo: 100 }, { type: 'search', url: '/search/', performance: 90, accessibility: 100, bestPractices: 100, seo: 100 }],
    search: [{ query: 'LCO', firstResultMs: 100, afterBundleMs: 60, fetchedGz: 90_000, pagefindGz: 70_000, results: 20 }],
    searchFloor: [{ query: 'LCO', firstResultMs: 90, afterBundleMs: 60, fetchedGz: 80_000, pagefindGz: 70_000, results: 1 }],
    keystrokes: [{ query: 'LCO', runs: 3, ms: 20 }],
    scaled: { build: { seconds: 400, peakBytes: 1.5e9, pages: 3800, indexBytes: 2e7, ok: true }, factor: 10, timeRatio: 8, memoryRatio: 1.5, indexRatio: 10 },
  });

  it('passes results within every budget (script on the explorer and a low score on /search/ are allowed)', () => {
    expect(checkBudgets(good())).toEqual([]);
  });

  it('names each broken budget with the place and the figures', () => {
    const r = good();
    r.build.seconds = 61;
    r.build.peakBytes = 3 * 1024 ** 3;
    r.pages[0] = weight({ url: '/', type: 'front', jsBeforeInteraction: 2500, gz: { html: 1, css: 13_000, js: 2500, font: 12_000, other: 0 }, fonts: ['/a.woff', '/b.woff2'], fontsUsed: ['/a.woff'] });
    r.sections = [weight({ gz: { html: 12_000, css: 8000, js: 500, font: 0, other: 0 } })];
    r.lighthouse[0]!.seo = 92;
    r.search[0] = { query: 'LCO', firstResultMs: 200, afterBundleMs: 150, fetchedGz: 130_000, pagefindGz: 100_000, results: 3 };
    r.keystrokes = [{ query: 'LCO', runs: 3, ms: 80 }, { query: 'garnet', runs: 3, ms: 40 }, { query: 'EELS', runs: 3, ms: 60 }];
    r.scaled!.timeRatio = 12;
    const broken = checkBudgets(r).map((v) => `${v.budget} ${v.where}: ${v.message}`);
    expect(broken).toEqual([
      'buildSeconds build: 61.0 s > 60 s',
      'buildPeakBytes build: 3072 MiB > 2048 MiB',
      'readingJsGzBytes /: JavaScript before interaction 2.5 kB > 2.0 kB',
      'cssGzBytes /: CSS 13.0 kB > 12.0 kB',
      'fontGzBytes /: fonts 12.0 kB > 10.0 kB',
      'fontFormat /: fonts not woff2: /a.woff',
      'fontFormat /: font files of faces the page does not use: /b.woff2',
      'sectionWeightToText /sections/x/: HTML + CSS + JS 20.5 kB > max(3 × text 6.0 kB, 14.6 kB) = 18.0 kB',
      'lighthouse /sections/x/: Lighthouse seo 92 < 100',
      'searchFetchedGzBytes search "LCO": fetched 130.0 kB > 120.0 kB',
      "searchToBareRatio search: first results after 2.22× the bare page's time > 1.2×",
      'searchKeystrokeMs search: keystroke to updated first result 60 ms (median) > 50 ms',
      'scaledTimeRatio 10× corpus: build time 12.00× the real corpus > 10×',
    ]);
  });

  it('counts a search that rendered nothing as broken', () => {
    const r = good();
    r.search[0] = { query: 'cryo', firstResultMs: Number.NaN, afterBundleMs: Number.NaN, fetchedGz: 80_000, pagefindGz: 60_000, results: 0 };
    expect(checkBudgets(r).map((v) => v.message)).toEqual(['no result was rendered', 'no figures for the bare search page to compare with']);
    r.keystrokes = [{ query: 'LCO', runs: 3, ms: Number.NaN }];
    expect(checkBudgets(r).map((v) => v.message)).toContain('no updated result after a keystroke');
  });

  it('allows a section 3× its text, or 14.6 kB where that is more', () => {
    expect(sectionAllowance(6000)).toBe(18_000);
    expect(sectionAllowance(2000)).toBe(14_600);
    const short = weight({ url: '/sections/short/', textGz: 2000, gz: { html: 6000, css: 8000, js: 500, font: 0, other: 0 } });
    const r = good();
    r.sections = [short];
    expect(checkBudgets(r)).toEqual([]);
    r.sections = [{ ...short, gz: { ...short.gz, html: 6200 } }];
    expect(checkBudgets(r).map((v) => v.budget)).toEqual(['sectionWeightToText']);
  });

  it('compares the search page with the bare page over the queries both answered, and takes the median keystroke', () => {
    const run = (query: string, ms: number, results = 5): SearchRun => ({ query, firstResultMs: ms, afterBundleMs: 0, fetchedGz: 0, pagefindGz: 0, results });
    expect(searchToBare([run('a', 120), run('b', 240), run('c', 500, 0)], [run('a', 100), run('b', 200), run('c', 100)])).toBeCloseTo(1.2);
    expect(searchToBare([run('a', 120)], undefined)).toBeUndefined();
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, Number.NaN, 20])).toBe(30);
  });

  it('prints each section against its allowance', () => {
    const r = good();
    r.sections = [weight({ url: '/sections/short/', textGz: 2000, shellGz: 7000 })];
    expect(formatReport(r, [])).toMatch(/\| \/sections\/short\/ +\| 2\.0 +\| 13\.0 +\| 14\.6 +\| 89 % +\| 7\.0 +\|/);
  });

  it('prints each page\'s first paint at the emulated round trip, and a dash where a page painted nothing', () => {
    const r = good();
    r.pages = [weight({ url: '/a/', firstPaintMs: 412.4 }), weight({ url: '/b/', firstPaintMs: Number.NaN })];
    const report = formatReport(r, []);
    expect(report).toContain('first paint ms (100 ms RTT)');
    expect(report).toMatch(/\| \/a\/ +\|.*\| 412 +\| /);
    expect(report).toMatch(/\| \/b\/ +\|.*\| – +\| /);
  });
});

/** The graph's input from a corpus in memory, parsed with the collections' schemas and the remark plugins. */
async function graphInput(corpus: Corpus): Promise<GraphInput> {
  const folder = (name: string) => [...corpus].filter(([p]) => p.startsWith(`${name}/`)).map(([p, text]) => ({ id: p.slice(name.length + 1).replace(/\.[^.]+$/, ''), filePath: `content/${p}`, data: parse(text) as unknown }));
  const list = (name: string, key: string) => (parse(corpus.get(name)!) as Record<string, unknown>[]).map((d) => ({ id: String(d[key]), filePath: `content/${name}`, data: d }));
  const sections = await Promise.all(
    [...corpus].filter(([p]) => p.startsWith('sections/')).map(async ([p, text]) => {
      const front = /^---\n([\s\S]*?)\n---/.exec(text)![1]!;
      return { id: p.slice(9, -4), filePath: `content/${p}`, data: sectionSchema.parse(parse(front)), headings: [], refs: await collectMdx(text, `content/${p}`) };
    }),
  );
  return {
    sections,
    references: list('references.yaml', 'n').map((e) => ({ ...e, data: referenceSchema.parse(e.data) })),
    studies: folder('studies').map((e) => ({ ...e, data: studySchema.parse(e.data) })),
    materials: folder('materials').map((e) => ({ ...e, data: materialSchema.parse(e.data) })),
    techniques: folder('techniques').map((e) => ({ ...e, data: techniqueSchema.parse(e.data) })),
    cells: folder('cells').map((e) => ({ ...e, data: cellSchema.parse(e.data) })),
    reactions: folder('reactions').map((e) => ({ ...e, data: reactionSchema.parse(e.data) })),
    glossary: list('glossary.yaml', 'id').map((e) => ({ ...e, data: glossarySchema.parse(e.data) })),
  };
}

describe('the synthetic corpus', () => {
  const content = readCorpus('content');

  it('passes the schemas and every graph check, with each collection but the shared ones multiplied', async () => {
    const before = graphCounts(buildGraph(await graphInput(content)));
    const after = graphCounts(buildGraph(await graphInput(multiplyCorpus(content, 3))));
    for (const kind of ['sections', 'studies', 'materials', 'references', 'reactions']) expect(after[kind], kind).toBe(3 * before[kind]!);
    for (const kind of ['techniques', 'cells', 'glossary terms']) expect(after[kind], kind).toBe(before[kind]);
  }, 60_000);

  it('points each copy at itself: its citations, studies and materials', () => {
    const big = multiplyCorpus(content, 10);
    expect([...big.keys()].filter((p) => p.startsWith('sections/'))).toHaveLength(10 * [...content.keys()].filter((p) => p.startsWith('sections/')).length);
    expect((parse(big.get('references.yaml')!) as { n: number }[]).map((r) => r.n)).toEqual(Array.from({ length: 2370 }, (_, i) => i + 1));
    const copy = big.get('sections/cathode-metal-fluorides-x3.mdx')!;
    expect(copy).toMatch(/^slug: cathode-metal-fluorides-x3$/m);
    expect(copy).toMatch(/^parent: cathodes-x3$/m);
    expect(copy).toContain('[@889]'); // [@178] + 3 × 237
    expect(copy).toContain('(study:wang-fef2-conversion-x3)');
    expect(copy).toContain('<Study id="wang-fef2-conversion-x3" />');
    expect(copy).toContain('(technique:tem)'); // techniques are shared
    const study = parse(big.get('studies/wang-fef2-conversion-x3.yaml')!) as { section: string; references: number[]; materials: string[] };
    expect(study.section).toBe('cathode-metal-fluorides-x3');
    // Each study card is a landmark named by its title, and the whole edition's page holds all of them.
    const titles = [...big].filter(([p]) => p.startsWith('studies/')).map(([, t]) => (parse(t) as { title: string }).title);
    expect(new Set(titles).size).toBe(titles.length);
    expect(study.references).toEqual([889]);
    expect(study.materials.every((m) => m.endsWith('-x3'))).toBe(true);
  });

  it('refuses a factor that is not a positive integer', () => {
    expect(() => multiplyCorpus(content, 0)).toThrow(/positive integer/);
    expect(() => multiplyCorpus(content, 2.5)).toThrow(/positive integer/);
  });
});

describe('the median of a query\'s search runs', () => {
  const run = (ms: number, results = 5): SearchRun => ({ query: 'LCO', firstResultMs: ms, afterBundleMs: ms - 40, fetchedGz: ms * 100, pagefindGz: ms * 90, results });
  it('is the run with the middle time, its other figures with it', () => {
    expect(medianRun([run(300), run(180), run(220)])).toEqual(run(220));
    expect(medianRun([run(180), run(220)])).toEqual(run(220)); // of two, the slower
  });
  it('counts a run that showed nothing as the slowest', () => {
    expect(medianRun([run(Number.NaN, 0), run(180), run(200)])).toEqual(run(200));
    expect(medianRun([run(Number.NaN, 0), run(Number.NaN, 0), run(200)]).results).toBe(0);
  });
});

describe('the bare search page', () => {
  it('preloads the index\'s files as the search page does and starts Pagefind with the edition\'s options', () => {
    const site = mkdtempSync(join(tmpdir(), 'floor-'));
    mkdirSync(join(site, 'pagefind'));
    writeFileSync(join(site, 'pagefind', 'pagefind-entry.json'), JSON.stringify({ version: '1.6.0', languages: { en: { hash: 'en_abc123', wasm: 'en', page_count: 3 } } }));
    const path = writeSearchFloor(site);
    const html = readFileSync(join(site, path, 'index.html'), 'utf8');
    expect(html).toContain('<link rel="modulepreload" href="/pagefind/pagefind.js">');
    expect(html).toContain('href="/pagefind/wasm.en.pagefind"');
    expect(html).toContain('href="/pagefind/pagefind.en_abc123.pf_meta"');
    expect(html).toContain('data-cache-tag="en_abc123"');
    expect(readFileSync(join(site, path, 'floor.js'), 'utf8')).toContain(JSON.stringify(pagefindOptions));
  });
});
