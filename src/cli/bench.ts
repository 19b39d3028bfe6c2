// The performance bench (`npm run bench`): builds the edition cold, weighs each kind of page in Chromium, runs
// Lighthouse, times search (on the edition's search page and on a bare page with Pagefind alone), builds a corpus
// ten times larger, prints a table, writes JSON to bench-results/ and exits non-zero when a budget in
// src/cli/bench/budgets.ts is broken.
// Flags: --factor=<n> (default 10), --no-scaled (skip the larger corpus), --no-lighthouse, --search-runs=<n>
// (default 3; each query's figures are those of its median run), --lighthouse-runs=<n>
// (default 3; the run with the median performance score counts, as Lighthouse's own guidance on variance advises).
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { budgets, checkBudgets, medianRun, type BenchResults, type BuildRun, type KeystrokeRun, type NextPageWeight, type PageType, type PageWeight } from './bench/budgets.ts';
import { timeFirstPaint, timeKeystrokes, timeSearch, weighNextPage, weighPage } from './bench/browser.ts';
import { runLighthouse, scoresOf, failingAudits } from './bench/lighthouse.ts';
import { runMeasured } from './bench/process-tree.ts';
import { formatReport } from './bench/report.ts';
import { writeSearchFloor } from './bench/search-floor.ts';
import { multiplyCorpus, readCorpus, writeCorpus } from './bench/synthetic.ts';
import { chromiumPath, launch } from './browser.ts';
import { exampleSite } from '../lib/publishing.ts';
import { serve } from './server.ts';

const args = process.argv.slice(2);
const factor = Number(args.find((a) => a.startsWith('--factor='))?.slice(9) ?? 10);
const lighthouseRuns = Number(args.find((a) => a.startsWith('--lighthouse-runs='))?.slice(18) ?? 3);
const searchRuns = Number(args.find((a) => a.startsWith('--search-runs='))?.slice(14) ?? 3);
const root = resolve('.');
const results = resolve('bench-results');
const site = join(results, 'site');

/** One page of each type; the section is the longest with the most mathematics, the reference one cited often. */
const pagePaths: Record<PageType, string> = {
  front: '/',
  section: '/sections/cathode-oxides-polyanionic/',
  material: '/materials/licoo2/',
  technique: '/techniques/eels/',
  reference: '/references/83/',
  explorer: '/studies/',
  search: '/search/',
};
const queries = ['LiCoO2', 'LCO', 'garnet', 'dendrite', 'EELS', 'Li2S', 'FeF2', 'cryo', 'interphase', 'lithium cobalt oxide'];

function bytesUnder(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + statSync(join(e.parentPath, e.name)).size, 0);
}

/**
 * A cold build of the project at `dir` into `out`, timed, its process tree's memory sampled. It is a build for
 * publishing, at the example origin, so that the pages weighed are the pages published.
 */
async function build(dir: string, out: string, log: string): Promise<BuildRun> {
  const env = { ...process.env, EDITION_SITE: exampleSite, EDITION_PREVIEW: '', EDITION_DIST: out, NO_COLOR: '1', FORCE_COLOR: '0', PATH: `${join(dir, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}` };
  const run = await runMeasured(process.execPath, ['src/cli/build.ts'], { cwd: dir, env });
  writeFileSync(log, run.output);
  const pages = Number(/(\d+) page\(s\) built/.exec(run.output)?.[1] ?? 0);
  const ok = run.status === 0;
  if (!ok) console.error(`The build in ${dir} failed; its log is ${log}`);
  return { seconds: run.seconds, peakBytes: run.peakBytes, pages, indexBytes: ok ? bytesUnder(join(out, 'pagefind')) : 0, ok };
}

/** The project with a corpus `factor` times larger, in a throw-away copy (node_modules linked). */
async function scaledBuild(): Promise<BuildRun> {
  const dir = mkdtempSync(join(tmpdir(), 'edition-bench-'));
  // Not copied: what the copy links or makes anew, and the staging folders of builds (.dist.build-…).
  const skip = (name: string) => ['node_modules', 'dist', '.astro', '.git', 'coverage', 'bench-results', 'content'].includes(name) || /^\..+\.build-/.test(name);
  try {
    cpSync(root, dir, { recursive: true, filter: (src) => !skip(src.slice(root.length + 1).split('/')[0]!) });
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
    writeCorpus(join(dir, 'content'), multiplyCorpus(readCorpus(join(root, 'content')), factor));
    return await build(dir, join(dir, 'dist'), join(results, `build-x${factor}.log`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

mkdirSync(join(results, 'lighthouse'), { recursive: true });
// Timings mean little on a busy machine: the load is recorded with them.
const loadBefore = loadavg()[0]!;
console.log('Building the edition cold …');
const real = await build(root, site, join(results, 'build.log'));
if (!real.ok) process.exit(1);

// The bare search page the search queries are also timed on (not part of the edition; only in the bench's copy).
const floorPath = writeSearchFloor(site);
// Served gzip-encoded, as a static host serves it: Lighthouse's timings depend on it.
const server = await serve(site, '/', { gzip: true, headers: true });
const browser = await launch();
const pages: PageWeight[] = [];
const sections: PageWeight[] = [];
const sectionsAfterFront: NextPageWeight[] = [];
const lighthouse: BenchResults['lighthouse'] = [];
const search: BenchResults['search'] = [];
const searchFloor: NonNullable<BenchResults['searchFloor']> = [];
const keystrokes: KeystrokeRun[] = [];
try {
  console.log('Weighing pages in Chromium …');
  for (const [type, path] of Object.entries(pagePaths) as [PageType, string][]) pages.push({ ...(await weighPage(browser, type, server.url(path))), firstPaintMs: await timeFirstPaint(browser, server.url(path)) });
  for (const slug of readdirSync(join(site, 'sections')).sort()) {
    sections.push(await weighPage(browser, 'section', server.url(`/sections/${slug}/`)));
    sectionsAfterFront.push(await weighNextPage(browser, server.url('/'), server.url(`/sections/${slug}/`)));
  }
  console.log('Timing search …');
  await timeSearch(browser, server.url('/search/'), 'warm-up'); // the first launch of a wasm module pays for the browser's own start-up
  for (const q of queries) {
    const runs = [];
    const floorRuns = [];
    // The edition's page and the bare one in turn, so that both meet the same moments of the machine's load.
    for (let i = 0; i < searchRuns; i++) {
      runs.push(await timeSearch(browser, server.url('/search/'), q));
      floorRuns.push(await timeSearch(browser, server.url(floorPath), q));
    }
    search.push({ ...medianRun(runs), runs: searchRuns });
    searchFloor.push({ ...medianRun(floorRuns), runs: searchRuns });
  }
  // Typing into the page once its first search has run: the search is loaded, as after the dialog's first query.
  keystrokes.push(...(await timeKeystrokes(browser, server.url('/search/'), 'lithium', queries, searchRuns)));
  if (!args.includes('--no-lighthouse')) {
    console.log('Running Lighthouse (mobile) …');
    for (const [type, path] of Object.entries(pagePaths) as [PageType, string][]) {
      const runs = [];
      for (let i = 0; i < lighthouseRuns; i++) {
        const lhr = await runLighthouse(server.url(path), join(results, 'lighthouse', `${type}-${i + 1}.json`), chromiumPath);
        runs.push({ lhr, scores: scoresOf(lhr, type, server.url(path)) });
      }
      runs.sort((a, b) => a.scores.performance - b.scores.performance);
      const { lhr, scores } = runs[Math.floor((runs.length - 1) / 2)]!;
      lighthouse.push(scores);
      console.log(`  ${type}: performance ${runs.map((r) => r.scores.performance).join(', ')}`);
      const lost = failingAudits(lhr);
      if (lost.length) console.log(`    points lost in the median run: ${lost.join('; ')}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}

const report: BenchResults = { build: real, pages, sections, sectionsAfterFront, lighthouse, search, searchFloor, keystrokes };
if (!args.includes('--no-scaled')) {
  console.log(`Building a corpus ${factor}× larger …`);
  const big = await scaledBuild();
  report.scaled = { build: big, factor, timeRatio: big.seconds / real.seconds, memoryRatio: big.peakBytes / real.peakBytes, indexRatio: big.indexBytes / real.indexBytes };
}

const violations = checkBudgets(report);
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const machine = { cpus: availableParallelism(), loadAverage1mBefore: loadBefore, loadAverage1mAfter: loadavg()[0]! };
const json = JSON.stringify({ date: new Date().toISOString(), machine, command: `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`, budgets, results: report, violations }, null, 2);
writeFileSync(join(results, `bench-${stamp}.json`), json);
writeFileSync(join(results, 'latest.json'), json);
console.log(`\n${machine.cpus} CPUs; 1-minute load average ${machine.loadAverage1mBefore.toFixed(1)} before, ${machine.loadAverage1mAfter.toFixed(1)} after`);
console.log(`\n${formatReport(report, violations)}\n\nJSON: ${join('bench-results', `bench-${stamp}.json`)}`);
process.exit(violations.length ? 1 : 0);
