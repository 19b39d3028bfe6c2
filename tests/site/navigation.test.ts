import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeTags, watch } from '../../src/cli/browser';
import { browserAndSite } from './browser-suite';
import { distDir, page as builtPage, pages } from './dist';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** Requests that belong to search: Pagefind's files, its WebAssembly, and the edition's search module. */
const searchRequest = /\/pagefind\/|\.wasm$|\/_astro\/(dialog|search)[^/]*\.(js|css)$/;
const section = '/sections/cathode-oxides-polyanionic/';

const env = browserAndSite();

async function open(url: string): Promise<{ page: Page; problems: string[]; requests: string[] }> {
  const page = await env.browser.newPage();
  const problems = watch(page, env.site.origin);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(env.site.url(url), { waitUntil: 'networkidle' });
  return { page, problems, requests };
}

const resultUrls = (page: Page) => page.locator('.results > li > a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));

describe('search from the header', () => {
  it('requests no search code before the reader opens it; "/" opens the dialog, which finds a formula', async () => {
    const { page, problems, requests } = await open(section);
    expect(requests.filter((r) => searchRequest.test(r))).toEqual([]);
    expect(requests.some((r) => r.endsWith('.js'))).toBe(true);
    // Typed straight after "/", while the dialog's script is still loading: nothing may be lost.
    await page.keyboard.type('/LiCo');
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await dialog.waitFor({ state: 'visible' });
    await expect(page.evaluate(() => document.activeElement?.getAttribute('name'))).resolves.toBe('q');
    await page.keyboard.type('O2');
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>('#search-dialog-q')?.value === 'LiCoO2');
    // Each key runs a search: results drawn before the last one are the ones for "LiCo" or "LiCoO".
    await dialog.getByRole('status').filter({ hasText: '“LiCoO2”' }).waitFor({ timeout: 15_000 });
    await dialog.locator('.results a').first().waitFor({ timeout: 15_000 });
    expect(requests.filter((r) => searchRequest.test(r)).length).toBeGreaterThan(0);
    expect((await resultUrls(page)).slice(0, 3)).toContain('/materials/licoo2/');
    // The search interface's rules came with the dialog (the page's own stylesheet has none).
    expect(requests.filter((r) => /\/_astro\/search[^/]*\.css$/.test(r))).toHaveLength(1);
    await expect(dialog.locator('.search-body').evaluate((e) => getComputedStyle(e).display)).resolves.toBe('grid');
    // The link to the search page follows the query once its last keys have been searched.
    const pageLink = async () => {
      const url = new URL((await dialog.locator('.search-page-link').getAttribute('href'))!, env.site.origin);
      return url.pathname + url.search;
    };
    await expect.poll(pageLink).toBe('/search/?q=LiCoO2');
    await page.evaluate(axeSource);
    const axe = (await page.evaluate((tags) => (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string }[] }> } }).axe.run(document, { runOnly: { type: 'tag', values: tags } }), axeTags)) as { violations: { id: string }[] };
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect(page.evaluate(() => document.activeElement?.hasAttribute('data-search-open'))).resolves.toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the Search link opens the dialog on click, and goes to the search page without JavaScript', async () => {
    expect(builtPage(section).dom.querySelector('header a[data-search-open]')?.getAttribute('href')).toBe('/search/');
    const { page, problems } = await open('/materials/');
    await page.locator('header a[data-search-open]').click();
    await page.getByRole('dialog', { name: 'Search' }).waitFor({ state: 'visible' });
    expect(new URL(page.url()).pathname).toBe('/materials/');
    expect(problems).toEqual([]);
    await page.close();

    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(env.site.url(section));
    expect(await plain.locator('#theme-toggle').isVisible()).toBe(false); // it would do nothing without JavaScript
    await plain.locator('header a[data-search-open]').click();
    await plain.waitForURL(/\/search\/$/);
    await context.close();
  });

  it('the page before interaction stays within 2 kB of gzipped JavaScript', () => {
    const scripts = builtPage(section).dom.querySelectorAll('script[src]').map((s) => s.getAttribute('src')!);
    const bytes = scripts.reduce((n, src) => n + gzipSync(readFileSync(`${distDir}${src}`), { level: 9 }).length, 0);
    expect(scripts.length).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(2048);
  });
});

describe('the search page', () => {
  it('answers a shared ?q= link under the CSP, asking for each of Pagefind\'s first files once: those the head preloads', async () => {
    const { page, problems, requests } = await open('/search/?q=LiCoO2');
    await page.locator('.results a').first().waitFor({ timeout: 15_000 });
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/^\d+ results? for “LiCoO2”/);
    const preloaded = builtPage('/search/').dom.querySelectorAll('link[rel="preload"], link[rel="modulepreload"]').map((l) => new URL(l.getAttribute('href')!, env.site.origin).href);
    expect(preloaded.map((u) => new URL(u).pathname.replace(/[^/]*$/, ''))).toEqual(['/pagefind/', '/pagefind/', '/pagefind/', '/pagefind/']);
    for (const url of preloaded) expect(requests.filter((r) => r === url), url).toHaveLength(1);
    // A second request would mean Pagefind asked for another name (an entry file without the tag, say).
    for (const file of ['pagefind.js', 'pagefind-entry.json', '.pf_meta', '.pagefind'])
      expect(requests.filter((r) => new URL(r).pathname.endsWith(file)), file).toHaveLength(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a facet narrows the results, and the address keeps it', async () => {
    const { page, problems } = await open('/search/?q=dendrite');
    await page.locator('.results a').first().waitFor({ timeout: 15_000 });
    const count = async () => Number(/^(\d+) result/.exec((await page.getByRole('status').textContent()) ?? '')?.[1]);
    const before = await count();
    const sections = page.getByRole('group', { name: 'Kind of page' }).getByRole('checkbox', { name: /^Section\b/ });
    await page.waitForFunction(() => /\([1-9]\d*\)/.test(document.querySelector('.facets')?.textContent ?? ''));
    const shown = Number(/\((\d+)\)/.exec((await sections.locator('xpath=..').textContent()) ?? '')?.[1]);
    await sections.check();
    await page.waitForFunction((n) => !document.querySelector('[role=status]')?.textContent?.startsWith(`${n} result`), before);
    const after = await count();
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(before);
    expect(after).toBe(shown); // the count beside the facet said how many results it keeps
    expect(new URL(page.url()).searchParams.getAll('kind')).toEqual(['Section']);
    for (const url of await resultUrls(page)) expect(url).toMatch(/^\/sections\//);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('draws five results, and "More results" adds the next five and moves focus to the first of them', async () => {
    const { page, problems } = await open('/search/?q=dendrite');
    await page.locator('.results a').first().waitFor({ timeout: 15_000 });
    const total = Number(/^(\d+) result/.exec((await page.getByRole('status').textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(10);
    await page.waitForFunction(() => document.querySelectorAll('.results > li').length === 5);
    const more = page.getByRole('button', { name: 'More results' });
    await more.click();
    await page.waitForFunction(() => document.querySelectorAll('.results > li').length === 10);
    await expect(page.evaluate(() => document.activeElement === document.querySelectorAll('.results > li > a')[5])).resolves.toBe(true);
    expect(new Set(await resultUrls(page)).size).toBe(10);
    expect(await more.isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a result under a heading lands on that heading', async () => {
    const { page, problems } = await open('/search/?q=dendrite');
    const sub = page.locator('.sub-results a').first();
    await sub.waitFor({ timeout: 15_000 });
    const href = new URL((await sub.getAttribute('href'))!, env.site.origin);
    expect(href.hash).toMatch(/^#./);
    await sub.click();
    await page.waitForURL((u) => u.pathname === href.pathname && u.hash === href.hash);
    const heading = page.locator(`[id="${decodeURIComponent(href.hash.slice(1))}"]`);
    await expect(heading.evaluate((h) => /^H[1-6]$/.test(h.tagName))).resolves.toBe(true);
    const top = await heading.evaluate((h) => h.getBoundingClientRect().top);
    expect(Math.abs(top)).toBeLessThan(100);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the studies explorer', () => {
  const visible = (page: Page) => page.locator('table.explorer tbody tr:not([hidden])');

  it('filters change the rows and the address, and a shared address restores them', async () => {
    const { page, problems } = await open('/studies/');
    const all = await visible(page).count();
    expect(all).toBe(builtPage('/studies/').dom.querySelectorAll('table.explorer tbody tr').length);
    await page.getByLabel('Technique', { exact: true }).selectOption('eels');
    const eels = await visible(page).count();
    expect(eels).toBeGreaterThan(0);
    expect(eels).toBeLessThan(all);
    for (const t of await visible(page).evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.technique!))) expect(t.split(' ')).toContain('eels');
    expect(new URL(page.url()).searchParams.get('technique')).toBe('eels');
    await expect(page.getByRole('status').textContent()).resolves.toBe(`${eels} of ${all} studies shown.`);
    const year = (await visible(page).first().getAttribute('data-year'))!;
    await page.getByLabel('Year', { exact: true }).selectOption(year);
    const both = await visible(page).count();
    expect(both).toBeGreaterThan(0);
    expect(both).toBeLessThanOrEqual(eels);
    const shared = page.url();
    await page.goto(shared);
    await expect(visible(page).count()).resolves.toBe(both);
    await expect(page.getByLabel('Technique', { exact: true }).inputValue()).resolves.toBe('eels');
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.waitForFunction(() => !location.search);
    await expect(visible(page).count()).resolves.toBe(all);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('sorts by a column, both ways, and says so with aria-sort', async () => {
    const { page, problems } = await open('/studies/');
    const years = () => visible(page).evaluateAll((rows) => rows.map((r) => Number((r as HTMLElement).dataset.year)));
    const header = page.getByRole('columnheader', { name: /^Year/ });
    await header.getByRole('button').click();
    await expect(header.getAttribute('aria-sort')).resolves.toBe('ascending');
    const up = await years();
    expect(up).toEqual([...up].sort((a, b) => a - b));
    expect(new Set(up).size).toBeGreaterThan(1);
    await header.getByRole('button').click();
    await expect(header.getAttribute('aria-sort')).resolves.toBe('descending');
    expect(await years()).toEqual([...up].sort((a, b) => b - a));
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('navigation', () => {
  it('every page carries every section in its contents, in the front page\'s order; a section\'s page its own headings under it', () => {
    const sectionPages = pages().filter((p) => /^\/sections\/[^/]+\/$/.test(p.url));
    const order = builtPage('/').dom.querySelectorAll('main ol.contents a[href^="/sections/"]').map((a) => a.getAttribute('href')!);
    expect([...order].sort()).toEqual(sectionPages.map((p) => p.url).sort());
    for (const p of pages()) {
      const links = p.dom.querySelectorAll('header .edition-contents a[href^="/sections/"]').map((a) => a.getAttribute('href')!);
      expect(links, p.url).toEqual(order);
      const current = p.dom.querySelectorAll('header .edition-contents a[aria-current="page"]').map((a) => a.getAttribute('href'));
      expect(current, p.url).toEqual(sectionPages.some((s) => s.url === p.url) ? [p.url] : []);
    }
    const { dom } = builtPage(section);
    expect(dom.querySelectorAll('header .edition-contents .here a').map((a) => a.getAttribute('href'))).toEqual(dom.querySelectorAll('.toc a').map((a) => a.getAttribute('href')));
  });

  it('the on-page contents list the section headings and mark the one being read', async () => {
    const { dom } = builtPage(section);
    const headings = dom.querySelectorAll('main h2[id], main h3[id]').map((h) => `#${h.id}`).filter((id) => id !== '#on-this-page');
    const listed = dom.querySelectorAll('.toc a').map((a) => a.getAttribute('href'));
    expect(listed).toEqual(headings);
    const { page, problems } = await open(section);
    const target = listed[2]!;
    await page.locator(`[id="${target.slice(1)}"]`).evaluate((h) => h.scrollIntoView());
    await page.waitForFunction((t) => document.querySelector(`.toc a[href="${t}"]`)?.getAttribute('aria-current') === 'true', target);
    await expect(page.locator('.toc a[aria-current]').count()).resolves.toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('index pages', () => {
  const entityPages = (kind: string) => pages().filter((p) => new RegExp(`^/${kind}/[^/]+/$`).test(p.url)).map((p) => p.url).sort();
  const linksUnder = (url: string, selector: string, kind: string) =>
    [...new Set(builtPage(url).dom.querySelectorAll(`${selector} a[href^="/${kind}/"]`).map((a) => a.getAttribute('href')!))].sort();

  it('list every material by role and again by family, each family once', () => {
    for (const view of ['by-role', 'by-family']) expect(linksUnder('/materials/', `section[aria-labelledby="${view}"]`, 'materials'), view).toEqual(entityPages('materials'));
    const byFamily = builtPage('/materials/').dom.querySelectorAll('section[aria-labelledby="by-family"] li a').map((a) => a.getAttribute('href'));
    expect(byFamily.length).toBe(entityPages('materials').length);
  });

  it.each([['/techniques/', 'techniques'], ['/cells/', 'cells'], ['/studies/', 'studies']])('%s links every page of its kind', (url, kind) => {
    expect(linksUnder(url, 'main', kind)).toEqual(entityPages(kind));
  });
});
