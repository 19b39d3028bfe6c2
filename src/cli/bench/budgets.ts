/** The edition's performance budget, in one place. The bench (`npm run bench`) checks every figure against it. */
export const budgets = {
  /** JavaScript (gzip) a reading page loads before the reader does anything. */
  readingJsGzBytes: 2_000,
  /** CSS (gzip) per page, KaTeX's stylesheet included. */
  cssGzBytes: 12_000,
  /** The only font format a page may load. */
  fontFormat: 'woff2',
  /** On section pages, HTML + CSS + JS (gzip) as a multiple of the gzipped visible text. */
  sectionWeightToText: 3,
  /** Lighthouse (mobile) score required in every category, for these page types. */
  lighthouse: { score: 100, pageTypes: ['section', 'material', 'reference', 'explorer'] },
  /** The full build (site, search index, output checks), on a 2-core machine. */
  buildSeconds: 60,
  buildPeakBytes: 2 * 1024 ** 3,
  /** Build time of the corpus ten times larger, as a multiple of the real corpus's. */
  scaledTimeRatio: 10,
  /** First search result on localhost, and what the search page fetched by then (gzip). */
  searchFirstResultMs: 150,
  searchFetchedGzBytes: 120_000,
} as const;

export type Budgets = typeof budgets;

/** Page types the bench loads; the reading pages are those a reader reads rather than operates. */
export const pageTypes = ['front', 'section', 'material', 'technique', 'reference', 'explorer', 'search'] as const;
export type PageType = (typeof pageTypes)[number];
export const readingPageTypes: readonly PageType[] = ['front', 'section', 'material', 'technique', 'reference'];

export type Kind = 'html' | 'css' | 'js' | 'font' | 'other';

/** What one page load transferred, gzip-sized, and what it shows. */
export interface PageWeight {
  type: PageType;
  url: string;
  gz: Record<Kind, number>;
  /** JavaScript (gzip) loaded before any interaction. */
  jsBeforeInteraction: number;
  /** Gzipped size of `document.body.innerText`. */
  textGz: number;
  /** (HTML + CSS + JS) / text, both gzipped. */
  weightToText: number;
  /**
   * HTML with its `<main>` emptied, plus CSS and JS (gzip): what the page weighs before any of its content. Where this
   * alone is more than the budget's multiple of the text, no markup of the content could bring the page within it.
   * (Older results lack it.)
   */
  shellGz?: number;
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

/**
 * The section pages whose shell alone (`shellGz`: the page with its `<main>` emptied) is more than `multiple` times
 * their visible text: they break the weight-to-text budget however little markup their content had. Pure.
 */
export function overOnShell(sections: readonly PageWeight[], multiple: number = budgets.sectionWeightToText): PageWeight[] {
  return sections.filter((p) => p.shellGz !== undefined && p.shellGz / p.textGz > multiple);
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
  /**
   * The same queries on a bare page with Pagefind alone (src/cli/bench/search-floor.ts), for comparison; not
   * budgeted. Older results lack it.
   */
  searchFloor?: SearchRun[];
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
    const notWoff2 = p.fonts.filter((f) => !f.endsWith(`.${b.fontFormat}`));
    if (notWoff2.length) over('fontFormat', p.url, `fonts not ${b.fontFormat}: ${notWoff2.join(', ')}`);
    const unused = p.fonts.filter((f) => !p.fontsUsed.includes(f));
    if (unused.length) over('fontFormat', p.url, `font files of faces the page does not use: ${unused.join(', ')}`);
    if (p.type === 'section' && p.weightToText > b.sectionWeightToText)
      over('sectionWeightToText', p.url, `HTML + CSS + JS = ${p.weightToText.toFixed(2)}× the visible text > ${b.sectionWeightToText}×`);
  }
  for (const l of r.lighthouse) {
    if (!(b.lighthouse.pageTypes as readonly string[]).includes(l.type)) continue;
    const low = (['performance', 'accessibility', 'bestPractices', 'seo'] as const).filter((c) => l[c] < b.lighthouse.score);
    if (low.length) over('lighthouse', l.url, `Lighthouse ${low.map((c) => `${c} ${l[c]}`).join(', ')} < ${b.lighthouse.score}`);
  }
  for (const s of r.search) {
    if (s.results === 0) over('searchFirstResultMs', `search "${s.query}"`, 'no result was rendered');
    else if (s.firstResultMs > b.searchFirstResultMs)
      over('searchFirstResultMs', `search "${s.query}"`, `first result after ${s.firstResultMs.toFixed(0)} ms > ${b.searchFirstResultMs} ms`);
    if (s.fetchedGz > b.searchFetchedGzBytes) over('searchFetchedGzBytes', `search "${s.query}"`, `fetched ${kB(s.fetchedGz)} > ${kB(b.searchFetchedGzBytes)}`);
  }
  if (r.scaled) {
    if (!r.scaled.build.ok) over('scaledTimeRatio', `${r.scaled.factor}× corpus`, 'the build failed');
    else if (r.scaled.timeRatio > b.scaledTimeRatio)
      over('scaledTimeRatio', `${r.scaled.factor}× corpus`, `build time ${r.scaled.timeRatio.toFixed(2)}× the real corpus > ${b.scaledTimeRatio}×`);
  }
  return out;
}
