// Runs the relevance suite (tests/site/relevance.ts) on the built site in Chromium and prints the share of queries
// answered first and in the first three, by kind of query, and every query that misses.
// usage: node tests/relevance-report.ts [built site, default dist/ or EDITION_DIST]
import { resolve } from 'node:path';
import { launch } from '../src/cli/browser.ts';
import { serve } from '../src/cli/server.ts';
import { relevanceQueries } from './site/relevance.ts';
import { describeOutcome, relevanceRates, runRelevance } from './site/relevance-runner.ts';

const dir = resolve(process.argv[2] ?? process.env.EDITION_DIST ?? 'dist');
const site = await serve(dir);
const browser = await launch();
try {
  const started = performance.now();
  const outcomes = await runRelevance(browser, site.url('/search/'), relevanceQueries);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const pct = (x: number) => `${(100 * x).toFixed(0)} %`;
  const all = relevanceRates(outcomes);
  console.log(`${outcomes.length} queries in ${seconds} s: top-1 ${pct(all.top1)}, top-3 ${pct(all.top3)}, expectation met ${outcomes.filter((o) => o.holds).length}`);
  for (const kind of [...new Set(outcomes.map((o) => o.kind))]) {
    const of = outcomes.filter((o) => o.kind === kind);
    const rates = relevanceRates(of);
    console.log(`  ${kind.padEnd(12)} ${String(of.length).padStart(3)}  top-1 ${pct(rates.top1).padStart(5)}  top-3 ${pct(rates.top3).padStart(5)}`);
  }
  const second = outcomes.filter((o) => o.holds && o.rank !== 1);
  console.log(`\n${second.length} meet their expectation with the answer second or third:`);
  for (const o of second) console.log(`  ${describeOutcome(o)}`);
  const misses = outcomes.filter((o) => !o.holds);
  console.log(`\n${misses.length} miss their expectation:`);
  for (const o of misses) console.log(`  ${describeOutcome(o)}${o.knownFailure ? ` [known: ${o.knownFailure}]` : ''}`);
} finally {
  await browser.close();
  await site.close();
}
