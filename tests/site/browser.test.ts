import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { timeSearch } from '../../src/cli/bench/browser';
import { writeSearchFloor } from '../../src/cli/bench/search-floor';
import { distDir, extremesOfEveryKind, pages } from './dist';
import { axeTags, watch } from '../../src/cli/browser';
import { browserAndSite } from './browser-suite';
import { serve } from '../../src/cli/server';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const env = browserAndSite();

/** Loads a page, runs axe (all of `axeTags`, or the named rules only), and returns everything that went wrong on it. */
async function checkPage(page: Page, url: string, rules?: string[]): Promise<string[]> {
  const problems = watch(page, env.site.origin);
  await page.goto(env.site.url(url), { waitUntil: 'load' });
  const runOnly = rules ? { type: 'rule', values: rules } : { type: 'tag', values: axeTags };
  const result = (await page.evaluate(
    (only) => (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<unknown> } }).axe.run(document, { runOnly: only, resultTypes: ['violations'] }),
    runOnly,
  )) as { violations: { id: string; nodes: { target: string[] }[] }[] };
  for (const v of result.violations) problems.push(`axe ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  page.removeAllListeners();
  return problems.map((p) => `${url} — ${p.length > 240 ? `${p.slice(0, 240)}…` : p}`);
}

/** Checks `urls` in a few tabs at once, in one colour scheme, and returns every problem found. */
async function checkPages(scheme: 'light' | 'dark', urls: string[], rules?: string[], viewport?: { width: number; height: number }): Promise<string[]> {
  const context = await env.browser.newContext({ colorScheme: scheme, ...(viewport && { viewport }) });
  // axe is handed to the browser once, and runs in every page the context opens.
  await context.addInitScript({ content: axeSource });
  const queue = [...urls];
  const failures: string[] = [];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      const page = await context.newPage();
      for (let url = queue.shift(); url; url = queue.shift()) failures.push(...(await checkPage(page, url, rules)));
      await page.close();
    }),
  );
  await context.close();
  return failures;
}

// Every rule of axe runs on the smallest and the largest page of each kind, in both themes; every page is loaded in
// the dark theme (the one whose colours differ most from the browser's defaults) and checked for contrast, errors
// under the CSP and off-site requests. EDITION_A11Y_ALL=1 runs every rule on every page in both themes instead
// (about four minutes more on two cores).
const everyRuleOnEveryPage = process.env.EDITION_A11Y_ALL === '1';

describe.each(['light', 'dark'] as const)('axe in the %s theme', (scheme) => {
  it(`finds no violation on ${everyRuleOnEveryPage ? 'every page' : 'the smallest and largest page of each kind'}, which load under the CSP without errors or off-site requests`, { timeout: 900_000 }, async () => {
    const urls = everyRuleOnEveryPage ? pages().map((p) => p.url) : extremesOfEveryKind();
    expect(urls.length).toBeGreaterThan(everyRuleOnEveryPage ? 400 : 12);
    expect(await checkPages(scheme, urls)).toEqual([]);
  });
});

describe('axe on a phone', () => {
  // What only a phone's width shows: the one-row header, a study card's fold and its summary, boxes that scroll sideways.
  it.each(['light', 'dark'] as const)('finds no violation at 320 px on the smallest and largest page of each kind and the sections with the most study cards, folded, in the %s theme', { timeout: 300_000 }, async (scheme) => {
    const cards = (url: string) => pages().find((p) => p.url === url)!.dom.querySelectorAll('details.fold-narrow').length;
    const sections = pages().filter((p) => p.url.startsWith('/sections/')).map((p) => p.url).sort((a, b) => cards(b) - cards(a)).slice(0, 2);
    expect(cards(sections[1]!)).toBeGreaterThan(2);
    const urls = [...new Set([...extremesOfEveryKind(), ...sections])];
    expect(await checkPages(scheme, urls, undefined, { width: 320, height: 700 })).toEqual([]);
  });
});

/**
 * Every page's <main>, gathered by the stylesheets the page links (the site's, and on some pages one of their own):
 * one document per set holds the content of all its pages, each in a block that names its page, under those
 * stylesheets.
 */
function contentBySheets(): { links: string; pages: string[]; body: string }[] {
  const groups = new Map<string, { links: string; pages: string[]; body: string }>();
  for (const p of pages()) {
    const links = p.dom.querySelectorAll('link[rel="stylesheet"]').map((l) => l.outerHTML).join('');
    const group = groups.get(links) ?? { links, pages: [], body: '' };
    group.pages.push(p.url);
    group.body += `<div data-page="${p.url}">${p.dom.querySelector('main')!.outerHTML}</div>`;
    groups.set(links, group);
  }
  return [...groups.values()];
}

describe('every page in the dark theme', () => {
  // Header and footer are the same on every page and checked above with every rule; what differs from page to page
  // is its <main>. Loading 415 pages one by one took 50 s here; the pages' content, set in one document per
  // stylesheet set, takes a few.
  it.skipIf(everyRuleOnEveryPage)('sets the text of every page’s content with enough contrast', { timeout: 300_000 }, async () => {
    const context = await env.browser.newContext({ colorScheme: 'dark' });
    await context.addInitScript({ content: axeSource });
    const page = await context.newPage();
    const groups = contentBySheets();
    expect(groups.flatMap((g) => g.pages)).toHaveLength(pages().length);
    const failures: string[] = [];
    for (const { links, body } of groups) {
      // A page of the site first, so that the stylesheets resolve against its origin.
      await page.goto(env.site.url('/'));
      await page.setContent(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>content</title>${links}</head><body>${body}</body></html>`, { waitUntil: 'load' });
      failures.push(
        ...(await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: { element: Element; target: string[] }[] }[] }> } }).axe;
          const result = await axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast'] }, resultTypes: ['violations'], elementRef: true });
          return result.violations.flatMap((v) => v.nodes.map((n) => `${n.element.closest('[data-page]')?.getAttribute('data-page')} — axe ${v.id}: ${n.target.join(' ')}`));
        })),
      );
    }
    await context.close();
    expect(failures).toEqual([]);
  });
});

describe('the bench\'s bare search page', () => {
  it('finds under the site\'s CSP what the search page finds first, and the bench times it', async () => {
    // Beside a link to the built index, not inside the built site that the other tests read.
    const dir = mkdtempSync(join(tmpdir(), 'edition-floor-'));
    symlinkSync(join(distDir, 'pagefind'), join(dir, 'pagefind'));
    copyFileSync(join(distDir, '_headers'), join(dir, '_headers'));
    const floor = await serve(dir, '/', { headers: true });
    try {
      const first = async (url: string) => {
        const page = await env.browser.newPage();
        const problems = watch(page, new URL(url).origin);
        await page.goto(url);
        const href = await page.locator('.results a').first().getAttribute('href', { timeout: 15_000 });
        await page.close();
        return { href, problems };
      };
      const path = writeSearchFloor(dir);
      const bare = await first(floor.url(`${path}?q=LiCoO2`));
      expect(bare.problems).toEqual([]);
      expect(bare.href).toBe((await first(env.site.url('/search/?q=LiCoO2'))).href);
      const run = await timeSearch(env.browser, floor.url(path), 'LiCoO2');
      expect(run.results).toBe(1);
      expect(run.firstResultMs).toBeGreaterThan(0);
      expect(run.pagefindGz).toBeGreaterThan(50_000); // the wasm at least
    } finally {
      await floor.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('citation previews', () => {
  it('open on keyboard focus, are announced as the link description, and close on Escape', async () => {
    const target = pages().find((p) => p.url.startsWith('/sections/') && p.dom.querySelector('main p .cite a'))!;
    const page = await env.browser.newPage();
    const problems = watch(page, env.site.origin);
    await page.goto(env.site.url(target.url));
    const link = page.locator('main p .cite a').first();
    const n = await link.textContent();
    await link.focus();
    const tip = page.getByRole('tooltip');
    await expect(tip.isVisible()).resolves.toBe(true);
    expect(await link.getAttribute('aria-describedby')).toBe('cite-preview');
    // The entry as the list sets it (the journal in italics), and a link on to the reference's page.
    expect(await tip.locator('.reference').innerHTML()).toBe(await page.locator(`#ref-${n} .reference`).innerHTML());
    expect(await tip.locator('.reference i').count()).toBe(1);
    expect(await tip.getByRole('link', { name: 'Reference page' }).getAttribute('href')).toBe(`/references/${n}/`);
    await page.keyboard.press('Escape');
    await expect(tip.isVisible()).resolves.toBe(false);
    expect(await page.getByRole('button', { name: 'Copy' }).count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});
