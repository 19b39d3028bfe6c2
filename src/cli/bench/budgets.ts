/** The edition's performance budget, in one place. The bench (`npm run bench`) checks every figure against it. */
export const budgets = {
  /** JavaScript (gzip) a reading page loads before the reader does anything. */
  readingJsGzBytes: 2_000,
  /** CSS (gzip) per page, KaTeX's stylesheet included. */
  cssGzBytes: 12_000,
  /** The only font format a page may load. */
  fontFormat: 'woff2',
  /** Font files (gzip, i.e. as sent: woff2 does not compress further) a page loads. */
  fontGzBytes: 10_000,
  /**
   * On section pages, HTML + CSS + JS (gzip) at most this multiple of the gzipped visible text, or `sectionFloorGzBytes`
   * where that is more: the head metadata that citing needs makes a shell no short section could fit in 3× its text.
   */
  sectionWeightToText: 3,
  /** What arrives in the first round trip of a new connection: 10 TCP segments of 1460 bytes. */
  sectionFloorGzBytes: 14_600,
  /** Lighthouse (mobile) score required in every category, for these page types. */
  lighthouse: { score: 100, pageTypes: ['section', 'material', 'reference', 'explorer'] },
  /** The full build (site, search index, output checks), on a 2-core machine. */
  buildSeconds: 60,
  buildPeakBytes: 2 * 1024 ** 3,
  /** Build time of the corpus ten times larger, as a multiple of the real corpus's. */
  scaledTimeRatio: 10,
  /**
   * The edition's search page, from navigation to the first result: at most this multiple of a bare page with
   * Pagefind alone (src/cli/bench/search-floor.ts), over the same queries in the same run (the sums of their times).
   */
  searchToBareRatio: 1.2,
  /** From a keystroke in a search already loaded to the updated first result: the median over the queries. */
  searchKeystrokeMs: 50,
  /** What the search page fetched (gzip) by the time its first result showed. */
  searchFetchedGzBytes: 120_000,
} as const;

export type Budgets = typeof budgets;

/** Page types the bench loads; the reading pages are those a reader reads rather than operates. */
export const pageTypes = ['front', 'section', 'material', 'technique', 'reference', 'explorer', 'search'] as const;
export type PageType = (typeof pageTypes)[number];
export const readingPageTypes: readonly PageType[] = ['front', 'section', 'material', 'technique', 'reference'];

export type Kind = 'html' | 'css' | 'js' | 'font' | 'other';

/** The round trip the first-paint figure is measured at (Chromium's network emulation), ms. */
export const emulatedRoundTripMs = 100;

/** What one page load transferred, gzip-sized, and what it shows. */
export interface PageWeight {
  type: PageType;
  url: string;
  gz: Record<Kind, number>;
  /** JavaScript (gzip) loaded before any interaction. */
  jsBeforeInteraction: number;
  /** Gzipped size of `document.body.innerText`, a phone's folds opened (readableText in browser.ts). */
  textGz: number;
  /** (HTML + CSS + JS) / text, both gzipped. */
  weightToText: number;
  /**
   * HTML with its `<main>` emptied, plus CSS and JS (gzip): what the page weighs before any of its content. Where this
   * alone is more than the budget's multiple of the text, no markup of the content could bring the page within it.
   * (Older results lack it.)
   */
  shellGz?: number;
  /**
   * First contentful paint, ms from the start of navigation, with Chromium's network held to a 100 ms round trip
   * (median of three cold loads): what a reader on a slow connection waits for before any text shows. Reported, with
   * no budget. (Older results lack it.)
   */
  firstPaintMs?: number;
  /** Every font file loaded (its URL path), and the files of the faces the page's text actually uses. */
  fonts: string[];
  fontsUsed: string[];
}

/** What a page costs over the network when the reader comes from another page of the edition (not budgeted). */
export interface NextPageWeight {
  url: string;
  /** The page loaded before it, in the same browser context. */
  from: string;
  gz: Record<Kind, number>;
  /** (HTML + CSS + JS that came over the network) / the page's visible text, both gzipped. */
  weightToText: number;
}

export interface LighthouseScores {
  type: PageType;
  url: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
}

export interface SearchRun {
  query: string;
  /** How many runs of the query the figures are the median of (older results lack it: one). */
  runs?: number;
  /** From the start of navigation to the first result in the list (the budgeted figure). */
  firstResultMs: number;
  /** Of which the part after the page asked for Pagefind's bundle (loading it, the index, the search, the fragments). */
  afterBundleMs: number;
  fetchedGz: number;
  /** Of which the Pagefind bundle (wasm, index, fragments). */
  pagefindGz: number;
  results: number;
}

/**
 * Of several runs of one query, the one with the median time to the first result (a run that showed no result
 * counts as the slowest); with an even count, the slower of the middle two. Pure.
 */
export function medianRun(runs: readonly SearchRun[]): SearchRun {
  if (runs.length === 0) throw new Error('medianRun: no runs');
  const time = (r: SearchRun) => (r.results === 0 || Number.isNaN(r.firstResultMs) ? Number.POSITIVE_INFINITY : r.firstResultMs);
  return [...runs].sort((a, b) => time(a) - time(b))[Math.floor(runs.length / 2)]!;
}


/** A keystroke in a search already loaded (the page after its first query), to the updated first result. */
export interface KeystrokeRun {
  query: string;
  /** How many runs the figure is the median of. */
  runs: number;
  /** From the keystroke that completes the query (its `keydown`) to the first result of the new search in the list. */
  ms: number;
}

/** The most a section page may weigh (HTML + CSS + JS, gzip) for its visible text (gzip). Pure. */
export const sectionAllowance = (textGz: number, b: Budgets = budgets) => Math.max(b.sectionWeightToText * textGz, b.sectionFloorGzBytes);

/** The median of some figures (of an even count, the mean of the middle two); NaN counts as the largest. Pure. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => (Number.isNaN(a) ? 1 : Number.isNaN(b) ? -1 : a - b));
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The edition's search page against the bare page, over the queries both showed a result for: the sum of its times
 * to the first result over the sum of the bare page's. Undefined without figures for the bare page. Pure.
 */
export function searchToBare(search: readonly SearchRun[], floor: readonly SearchRun[] | undefined): number | undefined {
  if (!floor?.length) return undefined;
  const bare = new Map(floor.map((f) => [f.query, f]));
  const both = search.filter((s) => s.results > 0 && (bare.get(s.query)?.results ?? 0) > 0);
  if (both.length === 0) return undefined;
  return both.reduce((sum, s) => sum + s.firstResultMs, 0) / both.reduce((sum, s) => sum + bare.get(s.query)!.firstResultMs, 0);
}

export interface BuildRun {
  seconds: number;
  peakBytes: number;
  pages: number;
  indexBytes: number;
  ok: boolean;
}

export interface BenchResults {
  build: BuildRun;
  pages: PageWeight[];
  /** Every section page, for the weight-to-text budget (the table shows one). */
  sections: PageWeight[];
  /** Every section page again, loaded after the front page (for information; older results lack it). */
  sectionsAfterFront?: NextPageWeight[];
  lighthouse: LighthouseScores[];
  search: SearchRun[];
  /** The same queries on a bare page with Pagefind alone (src/cli/bench/search-floor.ts). Older results lack it. */
  searchFloor?: SearchRun[];
  /** Each query typed, its last key timed, into the search page after a first search. Older results lack it. */
  keystrokes?: KeystrokeRun[];
  scaled?: { build: BuildRun; factor: number; timeRatio: number; memoryRatio: number; indexRatio: number };
}

export interface Violation {
  budget: keyof Budgets;
  where: string;
  message: string;
}

const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;

/** Every budget the results break, each with the page or query and the figure against the limit. Pure. */
export function checkBudgets(r: BenchResults, b: Budgets = budgets): Violation[] {
  const out: Violation[] = [];
  const over = (budget: keyof Budgets, where: string, message: string) => out.push({ budget, where, message });
  if (!r.build.ok) over('buildSeconds', 'build', 'the build failed');
  if (r.build.seconds > b.buildSeconds) over('buildSeconds', 'build', `${r.build.seconds.toFixed(1)} s > ${b.buildSeconds} s`);
  if (r.build.peakBytes > b.buildPeakBytes)
    over('buildPeakBytes', 'build', `${(r.build.peakBytes / 1024 ** 2).toFixed(0)} MiB > ${(b.buildPeakBytes / 1024 ** 2).toFixed(0)} MiB`);
  const seen = new Set<string>();
  for (const p of [...r.pages, ...r.sections]) {
    if (seen.has(p.url)) continue;
    seen.add(p.url);
    if (readingPageTypes.includes(p.type) && p.jsBeforeInteraction > b.readingJsGzBytes)
      over('readingJsGzBytes', p.url, `JavaScript before interaction ${kB(p.jsBeforeInteraction)} > ${kB(b.readingJsGzBytes)}`);
    if (p.gz.css > b.cssGzBytes) over('cssGzBytes', p.url, `CSS ${kB(p.gz.css)} > ${kB(b.cssGzBytes)}`);
    if (p.gz.font > b.fontGzBytes) over('fontGzBytes', p.url, `fonts ${kB(p.gz.font)} > ${kB(b.fontGzBytes)}`);
    const notWoff2 = p.fonts.filter((f) => !f.endsWith(`.${b.fontFormat}`));
    if (notWoff2.length) over('fontFormat', p.url, `fonts not ${b.fontFormat}: ${notWoff2.join(', ')}`);
    const unused = p.fonts.filter((f) => !p.fontsUsed.includes(f));
    if (unused.length) over('fontFormat', p.url, `font files of faces the page does not use: ${unused.join(', ')}`);
    const weight = p.gz.html + p.gz.css + p.gz.js;
    if (p.type === 'section' && weight > sectionAllowance(p.textGz, b))
      over('sectionWeightToText', p.url, `HTML + CSS + JS ${kB(weight)} > max(${b.sectionWeightToText} × text ${kB(p.textGz)}, ${kB(b.sectionFloorGzBytes)}) = ${kB(sectionAllowance(p.textGz, b))}`);
  }
  for (const l of r.lighthouse) {
    if (!(b.lighthouse.pageTypes as readonly string[]).includes(l.type)) continue;
    const low = (['performance', 'accessibility', 'bestPractices', 'seo'] as const).filter((c) => l[c] < b.lighthouse.score);
    if (low.length) over('lighthouse', l.url, `Lighthouse ${low.map((c) => `${c} ${l[c]}`).join(', ')} < ${b.lighthouse.score}`);
  }
  for (const s of r.search) {
    if (s.results === 0) over('searchToBareRatio', `search "${s.query}"`, 'no result was rendered');
    if (s.fetchedGz > b.searchFetchedGzBytes) over('searchFetchedGzBytes', `search "${s.query}"`, `fetched ${kB(s.fetchedGz)} > ${kB(b.searchFetchedGzBytes)}`);
  }
  if (r.search.length) {
    const ratio = searchToBare(r.search, r.searchFloor);
    if (ratio === undefined) over('searchToBareRatio', 'search', 'no figures for the bare search page to compare with');
    else if (ratio > b.searchToBareRatio)
      over('searchToBareRatio', 'search', `first results after ${ratio.toFixed(2)}× the bare page's time > ${b.searchToBareRatio}×`);
  }
  if (r.keystrokes) {
    const ms = median(r.keystrokes.map((k) => k.ms));
    if (!(ms <= b.searchKeystrokeMs))
      over('searchKeystrokeMs', 'search', Number.isNaN(ms) ? 'no updated result after a keystroke' : `keystroke to updated first result ${ms.toFixed(0)} ms (median) > ${b.searchKeystrokeMs} ms`);
  }
  if (r.scaled) {
    if (!r.scaled.build.ok) over('scaledTimeRatio', `${r.scaled.factor}× corpus`, 'the build failed');
    else if (r.scaled.timeRatio > b.scaledTimeRatio)
      over('scaledTimeRatio', `${r.scaled.factor}× corpus`, `build time ${r.scaled.timeRatio.toFixed(2)}× the real corpus > ${b.scaledTimeRatio}×`);
  }
  return out;
}
