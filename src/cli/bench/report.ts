import { budgets, emulatedRoundTripMs, median, sectionAllowance, searchToBare, type BenchResults, type Violation } from './budgets.ts';

const kB = (n: number) => (n / 1000).toFixed(1);
const MiB = (n: number) => (n / 1024 ** 2).toFixed(0);

/** Rows of cells as a Markdown table (so the output pastes into a README or an issue). */
export function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const width = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(width[i]!)).join(' | ')} |`;
  return [line(head), `|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}

/** The bench's report: build, page weights, Lighthouse, search, scaling, then the budget verdict. */
export function formatReport(r: BenchResults, violations: Violation[]): string {
  const out: string[] = [];
  out.push(table(['build', 'wall s', 'peak MiB (process tree)', 'pages', 'search index kB'], [
    ['real corpus', r.build.seconds.toFixed(1), MiB(r.build.peakBytes), r.build.pages, kB(r.build.indexBytes)],
    ...(r.scaled ? [[`${r.scaled.factor}× corpus`, r.scaled.build.seconds.toFixed(1), MiB(r.scaled.build.peakBytes), r.scaled.build.pages, kB(r.scaled.build.indexBytes)]] : []),
    ...(r.scaled ? [['ratio', `${r.scaled.timeRatio.toFixed(2)}×`, `${r.scaled.memoryRatio.toFixed(2)}×`, `${(r.scaled.build.pages / r.build.pages).toFixed(2)}×`, `${r.scaled.indexRatio.toFixed(2)}×`]] : []),
  ]));
  out.push('');
  const lh = new Map(r.lighthouse.map((l) => [l.type, l]));
  out.push(table(['page (gzip kB)', 'url', 'HTML', 'CSS', 'JS', 'fonts', 'JS before input', 'text', '(H+C+J)/text', `first paint ms (${emulatedRoundTripMs} ms RTT)`, 'LH perf/a11y/bp/seo'],
    r.pages.map((p) => {
      const l = lh.get(p.type);
      return [p.type, p.url, kB(p.gz.html), kB(p.gz.css), kB(p.gz.js), `${kB(p.gz.font)} (${p.fonts.length})`, kB(p.jsBeforeInteraction), kB(p.textGz), `${p.weightToText.toFixed(2)}×`,
        p.firstPaintMs === undefined || Number.isNaN(p.firstPaintMs) ? '–' : p.firstPaintMs.toFixed(0), l ? `${l.performance}/${l.accessibility}/${l.bestPractices}/${l.seo}` : '–'];
    })));
  if (r.sections.length) {
    const after = new Map((r.sectionsAfterFront ?? []).map((p) => [p.url, p]));
    out.push('');
    out.push(table(['section (gzip kB)', 'text', 'HTML+CSS+JS', `allowed: max(${budgets.sectionWeightToText}× text, ${kB(budgets.sectionFloorGzBytes)})`, 'used', 'shell (<main> emptied)', 'fonts', 'HTML+CSS+JS after the front page'],
      [...r.sections].sort((a, b) => (a.url < b.url ? -1 : 1)).map((p) => {
        const weight = p.gz.html + p.gz.css + p.gz.js;
        const next = after.get(p.url);
        return [p.url, kB(p.textGz), kB(weight), kB(sectionAllowance(p.textGz)), `${Math.round((100 * weight) / sectionAllowance(p.textGz))} %`, p.shellGz === undefined ? '–' : kB(p.shellGz), kB(p.gz.font),
          next ? kB(next.gz.html + next.gz.css + next.gz.js) : '–'];
      })));
  }
  out.push('');
  const ms = (n: number) => (Number.isNaN(n) ? '–' : n.toFixed(0));
  const runs = r.search[0]?.runs ?? 1;
  const floor = new Map((r.searchFloor ?? []).map((s) => [s.query, s]));
  const keys = new Map((r.keystrokes ?? []).map((k) => [k.query, k]));
  out.push(table(['search query', `first result ms${runs > 1 ? ` (median of ${runs})` : ''}`, 'bare page ms', 'of which after pagefind.js asked', 'fetched kB gz', 'of which Pagefind', 'results shown', 'keystroke → result ms'],
    r.search.map((s) => {
      const f = floor.get(s.query);
      const k = keys.get(s.query);
      return [s.query, ms(s.firstResultMs), f && f.results > 0 ? ms(f.firstResultMs) : '–', ms(s.afterBundleMs), kB(s.fetchedGz), kB(s.pagefindGz), s.results, k ? ms(k.ms) : '–'];
    })));
  const ratio = searchToBare(r.search, r.searchFloor);
  if (ratio !== undefined) out.push(`search page against the bare page (Pagefind alone, started as the edition starts it: src/cli/bench/search-floor.ts), summed over the queries: ${ratio.toFixed(2)}× (budget ${budgets.searchToBareRatio}×)`);
  if (r.keystrokes?.length) out.push(`keystroke in a loaded search page to its updated first result: median ${ms(median(r.keystrokes.map((k) => k.ms)))} ms over ${r.keystrokes.length} queries (budget ${budgets.searchKeystrokeMs} ms)`);
  out.push('');
  out.push(violations.length ? `Budgets broken (${violations.length}):\n${violations.map((v) => `  ✗ [${v.budget}] ${v.where}: ${v.message}`).join('\n')}` : 'Every budget holds.');
  return out.join('\n');
}
