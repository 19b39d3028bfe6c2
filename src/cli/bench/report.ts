import { budgets, overOnShell, type BenchResults, type Violation } from './budgets.ts';

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
  out.push(table(['page (gzip kB)', 'url', 'HTML', 'CSS', 'JS', 'fonts', 'JS before input', 'text', '(H+C+J)/text', 'LH perf/a11y/bp/seo'],
    r.pages.map((p) => {
      const l = lh.get(p.type);
      return [p.type, p.url, kB(p.gz.html), kB(p.gz.css), kB(p.gz.js), `${kB(p.gz.font)} (${p.fonts.length})`, kB(p.jsBeforeInteraction), kB(p.textGz), `${p.weightToText.toFixed(2)}×`,
        l ? `${l.performance}/${l.accessibility}/${l.bestPractices}/${l.seo}` : '–'];
    })));
  if (r.sections.length) {
    const worst = [...r.sections].sort((a, b) => b.weightToText - a.weightToText)[0]!;
    const best = [...r.sections].sort((a, b) => a.weightToText - b.weightToText)[0]!;
    out.push(`\nall ${r.sections.length} section pages: (HTML+CSS+JS)/text from ${best.weightToText.toFixed(2)}× (${best.url}) to ${worst.weightToText.toFixed(2)}× (${worst.url})`);
    const shells = r.sections.flatMap((p) => (p.shellGz === undefined ? [] : [p.shellGz]));
    if (shells.length) {
      const over = overOnShell(r.sections);
      out.push(`their shell (the page with <main> emptied: head and metadata, header, footer, CSS, JS) weighs ${kB(Math.min(...shells))}–${kB(Math.max(...shells))} kB; `
        + `on ${over.length} of ${r.sections.length} it alone is over ${budgets.sectionWeightToText}× the text${over.length ? ` (${over.map((p) => `${p.url} ${(p.shellGz! / p.textGz).toFixed(2)}×`).join(', ')})` : ''}`);
    }
  }
  if (r.sectionsAfterFront?.length) {
    const ratios = r.sectionsAfterFront.map((p) => p.weightToText).sort((a, b) => a - b);
    out.push(`the same, opened from the front page (what its stylesheet and scripts left cached not fetched again; not budgeted): from ${ratios[0]!.toFixed(2)}× to ${ratios.at(-1)!.toFixed(2)}×`);
  }
  out.push('');
  const ms = (n: number) => (Number.isNaN(n) ? '–' : n.toFixed(0));
  const runs = r.search[0]?.runs ?? 1;
  const floor = new Map((r.searchFloor ?? []).map((s) => [s.query, s]));
  out.push(table(['search query', `first result ms${runs > 1 ? ` (median of ${runs})` : ''}`, 'of which after pagefind.js asked', 'fetched kB gz', 'of which Pagefind', 'results shown', 'bare page: first result ms'],
    r.search.map((s) => {
      const f = floor.get(s.query);
      return [s.query, ms(s.firstResultMs), ms(s.afterBundleMs), kB(s.fetchedGz), kB(s.pagefindGz), s.results, f && f.results > 0 ? ms(f.firstResultMs) : '–'];
    })));
  if (floor.size) out.push('bare page: the same query on a page with Pagefind alone, started as the edition starts it (src/cli/bench/search-floor.ts); not budgeted');
  out.push('');
  out.push(violations.length ? `Budgets broken (${violations.length}):\n${violations.map((v) => `  ✗ [${v.budget}] ${v.where}: ${v.message}`).join('\n')}` : 'Every budget holds.');
  return out.join('\n');
}
