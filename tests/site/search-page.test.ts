import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { watch } from '../../src/cli/browser';
import { browserAndSite } from './browser-suite';
import { distDir } from './dist';
import { relevanceQueries } from './relevance';
import { describeOutcome, relevanceRates, runRelevance } from './relevance-runner';

const env = browserAndSite();

describe('the relevance suite', () => {
  it('names only pages the site has, and at least 60 queries', () => {
    expect(relevanceQueries.length).toBeGreaterThanOrEqual(60);
    for (const q of relevanceQueries) for (const url of q.pages) expect(existsSync(join(distDir, url, 'index.html')), `${q.q}: ${url}`).toBe(true);
    // A known failure is the exception: a handful at most.
    expect(relevanceQueries.filter((q) => q.knownFailure).length).toBeLessThanOrEqual(5);
  });

  it('puts each query’s answer first or in the first three on the search page, and misses only the known failures', { timeout: 300_000 }, async () => {
    const outcomes = await runRelevance(env.browser, env.site.url('/search/'), relevanceQueries);
    const rates = relevanceRates(outcomes);
    console.log(`relevance: ${outcomes.length} queries, top-1 ${(100 * rates.top1).toFixed(0)} %, top-3 ${(100 * rates.top3).toFixed(0)} %`);
    expect(outcomes.filter((o) => !o.holds && !o.knownFailure).map(describeOutcome)).toEqual([]);
    // A known failure that now passes is news: take it off the list.
    expect(outcomes.filter((o) => o.holds && o.knownFailure).map(describeOutcome)).toEqual([]);
  });
});

/** A page of the built site in Chromium, at a phone's size if asked; with what went wrong on it. */
async function open(url: string, options: { phone?: boolean; javaScript?: boolean } = {}): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
  const context = await env.browser.newContext({ viewport: options.phone ? { width: 375, height: 667 } : { width: 1280, height: 800 }, javaScriptEnabled: options.javaScript ?? true });
  const page = await context.newPage();
  const problems = watch(page, env.site.origin);
  await page.goto(env.site.url(url), { waitUntil: 'networkidle' });
  return { page, problems, close: () => context.close() };
}

/** Waits until the status line reports the results of `q`, and returns how many it counts. */
async function resultsOf(page: Page, q: string, root = '[data-search]'): Promise<number> {
  await page.waitForFunction(([r, query]) => document.querySelector(`${r} [role="status"]`)?.textContent?.includes(`“${query}”`) && document.querySelector(`${r} .results > li`), [root, q] as const, { timeout: 15_000 });
  return Number(/^(\d+)/.exec((await page.locator(`${root} [role="status"]`).textContent()) ?? '')?.[1]);
}

const focused = (page: Page) => page.evaluate(() => (document.activeElement instanceof HTMLAnchorElement ? new URL(document.activeElement.href).pathname : document.activeElement?.id ?? document.activeElement?.tagName));
const resultUrls = (page: Page, root = '[data-search]') => page.locator(`${root} .results > li > a`).evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));

describe('the search page', () => {
  it('announces the number of results in a polite live region', async () => {
    const { page, problems, close } = await open('/search/?q=dendrite');
    const n = await resultsOf(page, 'dendrite');
    expect(n).toBeGreaterThan(5);
    const status = page.getByRole('status');
    await expect(status.getAttribute('aria-live')).resolves.toBe('polite');
    await expect(status.textContent()).resolves.toBe(`${n} results for “dendrite”.`);
    expect(problems).toEqual([]);
    await close();
  });

  it('moves with ↓ and ↑ from the search field through the results, back with Escape, and follows one with Enter; focus is visible', async () => {
    const { page, problems, close } = await open('/search/?q=LiCoO2');
    await resultsOf(page, 'LiCoO2');
    const urls = await resultUrls(page);
    await page.locator('#search-q').focus();
    await page.keyboard.press('ArrowDown');
    await expect(focused(page)).resolves.toBe(urls[0]);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('ArrowDown');
    await expect(focused(page)).resolves.toBe(urls[1]);
    await page.keyboard.press('ArrowUp');
    await expect(focused(page)).resolves.toBe(urls[0]);
    await page.keyboard.press('ArrowUp');
    await expect(focused(page)).resolves.toBe('search-q');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    await expect(focused(page)).resolves.toBe('search-q');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === urls[1]);
    expect(problems).toEqual([]);
    await close();
  });

  it('keeps the sub- and superscripts of result titles', async () => {
    const { page, problems, close } = await open('/search/?q=Li2S');
    await resultsOf(page, 'Li2S');
    const first = page.locator('.results > li > a').first();
    await expect(first.getAttribute('href')).resolves.toBe('/materials/li2s/');
    await expect(first.locator('sub').allTextContents()).resolves.toEqual(['2']);
    await expect(first.textContent()).resolves.toBe('lithium sulfide — Li2S');
    // A study's title, from its mhchem: "Tan et al.: graphene-encapsulated $\ce{Li2S}$ nanocapsules".
    const study = page.locator('.results > li > a[href="/studies/tan-li2s-graphene/"]');
    await expect(study.locator('sub').allTextContents()).resolves.toEqual(['2']);
    expect(problems).toEqual([]);
    await close();
  });

  it('offers only facet values with results, counted for the query, long groups behind “More”, years by decade', async () => {
    const { page, problems, close } = await open('/search/?q=dendrite');
    const n = await resultsOf(page, 'dendrite');
    await page.waitForFunction(() => document.querySelector('.facets fieldset label .count')?.textContent);
    const facet = (name: string) => page.getByRole('group', { name });
    // Every page has a kind: the kinds' counts add up to the results.
    const kinds = await facet('Kind of page').locator('label .count').allTextContents();
    expect(kinds.reduce((sum, c) => sum + Number(c.slice(1, -1)), 0)).toBe(n);
    // No value on offer has no result.
    const shown = await page.locator('.facets label:visible .count').allTextContents();
    expect(shown.length).toBeGreaterThan(5);
    expect(shown.filter((c) => c === '(0)')).toEqual([]);
    // Years come as decades.
    const years = await facet('Year').locator('label:visible').allTextContents();
    expect(years.length).toBeGreaterThan(0);
    for (const y of years) expect(y.trim()).toMatch(/^\d{3}0s \(\d+\)$/);
    // A long group shows its first five values and a button for the others.
    const long = page.locator('.facets fieldset:has(.facet-more:visible)').first();
    await expect(long.locator('label:visible').count()).resolves.toBe(5);
    const more = long.locator('.facet-more');
    const hidden = Number(/\((\d+)\)/.exec((await more.textContent()) ?? '')?.[1]);
    expect(hidden).toBeGreaterThan(0);
    await more.click();
    await expect(more.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(long.locator('label:visible').count()).resolves.toBe(5 + hidden);
    // The counts follow the query.
    const before = await facet('Kind of page').locator('label:visible').allTextContents();
    await page.locator('#search-q').fill('LiCoO2');
    await page.locator('#search-q').press('Enter');
    await resultsOf(page, 'LiCoO2');
    await page.waitForFunction((old) => [...document.querySelectorAll<HTMLElement>('.facets fieldset:first-of-type label')].filter((l) => !l.hidden).map((l) => l.textContent).join() !== old.join(), before);
    expect(problems).toEqual([]);
    await close();
  });

  it('at 375 px shows the first result within the first screen', async () => {
    const { page, problems, close } = await open('/search/?q=dendrite', { phone: true });
    await resultsOf(page, 'dendrite');
    await page.waitForFunction(() => document.querySelector('.facets fieldset'));
    const top = await page.locator('.results > li').first().evaluate((li) => li.getBoundingClientRect().top);
    expect(top).toBeLessThan(667);
    expect(problems).toEqual([]);
    await close();
  });

  it('without JavaScript says so within the first screen and links to the pages that list everything', async () => {
    const { page, close } = await open('/search/', { phone: true, javaScript: false });
    const note = page.locator('.search-noscript');
    await expect(note.textContent()).resolves.toMatch(/needs JavaScript/);
    const box = (await note.boundingBox())!;
    expect(box.y + box.height).toBeLessThan(667);
    const links = await note.locator('a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    for (const list of ['/studies/', '/materials/', '/techniques/', '/references/']) expect(links).toContain(list);
    await close();
  });
});

describe('the header’s search dialog', () => {
  it('behaves as the page does: ↓ into the results, Escape back to the field (the dialog stays open), Enter follows a result', async () => {
    const { page, problems, close } = await open('/sections/cathode-oxides-polyanionic/');
    await page.keyboard.type('/LLZO');
    const dialog = page.locator('#search-dialog');
    await dialog.waitFor({ state: 'visible' });
    await resultsOf(page, 'LLZO', '#search-dialog');
    const urls = await resultUrls(page, '#search-dialog');
    expect(urls[0]).toBe('/materials/llzo/');
    await page.keyboard.press('ArrowDown');
    await expect(focused(page)).resolves.toBe(urls[0]);
    await page.keyboard.press('ArrowDown');
    await expect(focused(page)).resolves.toBe(urls[1]);
    await page.keyboard.press('Escape');
    await expect(focused(page)).resolves.toBe('search-dialog-q');
    await expect(dialog.evaluate((d) => (d as HTMLDialogElement).open)).resolves.toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === urls[0]);
    expect(problems).toEqual([]);
    await close();
  });
});
