// Runs the relevance suite through the real search page: one page in Chromium, each query typed into its form in
// turn, the results read as they are drawn. Plain Node (no vitest), so the report script can run it too.
import type { Browser } from 'playwright-core';
import type { RelevanceQuery } from './relevance';

export interface RelevanceOutcome extends RelevanceQuery {
  /** URL paths of the first three results, as drawn. */
  top: string[];
  /** Rank (1-based) of the first of `pages` among the results drawn, or undefined. */
  rank: number | undefined;
  /** Whether the expectation holds (the rank is at most `within`). */
  holds: boolean;
}

/** Opens `searchUrl` (the built site's /search/) and runs every query on it, one after the other. */
export async function runRelevance(browser: Browser, searchUrl: string, queries: readonly RelevanceQuery[]): Promise<RelevanceOutcome[]> {
  const page = await browser.newPage();
  await page.goto(searchUrl);
  await page.waitForSelector('[data-search].ready');
  const outcomes: RelevanceOutcome[] = [];
  for (const query of queries) {
    const top = await page.evaluate(async (q) => {
      const root = document.querySelector<HTMLElement>('[data-search]')!;
      const input = root.querySelector<HTMLInputElement>('input[name="q"]')!;
      const status = root.querySelector('[role="status"]')!;
      const list = root.querySelector('.results')!;
      input.value = q;
      root.querySelector('form')!.requestSubmit();
      // Done when the status names this query and the first three results (or all, if fewer) are drawn.
      for (let waited = 0; waited < 10_000; waited += 10) {
        const said = status.textContent ?? '';
        if (said.includes(`“${q}”`)) {
          const n = Number(/\d+/.exec(said)?.[0] ?? 0);
          const drawn = [...list.querySelectorAll<HTMLAnchorElement>(':scope > li > a')];
          if (drawn.length >= Math.min(3, n)) return drawn.slice(0, 3).map((a) => new URL(a.href).pathname);
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(`no results drawn for “${q}” within 10 s`);
    }, query.q);
    const index = top.findIndex((url) => query.pages.includes(url));
    const rank = index < 0 ? undefined : index + 1;
    outcomes.push({ ...query, top, rank, holds: rank !== undefined && rank <= query.within });
  }
  await page.close();
  return outcomes;
}

/** The share of queries whose answer is first, and among the first three. */
export function relevanceRates(outcomes: readonly RelevanceOutcome[]): { top1: number; top3: number } {
  const share = (ok: (o: RelevanceOutcome) => boolean) => outcomes.filter(ok).length / outcomes.length;
  return { top1: share((o) => o.rank === 1), top3: share((o) => o.rank !== undefined && o.rank <= 3) };
}

/** One line on a query: what it wanted, and what came first. */
export function describeOutcome(o: RelevanceOutcome): string {
  const wanted = o.pages.length === 1 ? o.pages[0] : `one of ${o.pages.join(', ')}`;
  return `“${o.q}” (${o.kind}): wanted ${wanted} ${o.within === 1 ? 'first' : 'in the first three'}; got ${o.top.join(', ') || 'no results'}`;
}
