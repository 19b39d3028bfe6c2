import type { Browser, Page } from 'playwright-core';
import { emulatedRoundTripMs, median, type KeystrokeRun, type NextPageWeight, type PageType, type PageWeight, type SearchRun } from './budgets.ts';
import { emptyMain, gzipSize, kindOf, tally } from './gzip.ts';

interface Body {
  url: string;
  contentType: string;
  body: Uint8Array;
}

/** Records the body of every response the page receives; `settled()` waits for the bodies still being read. */
function record(page: Page): { bodies: Body[]; settled: () => Promise<void> } {
  const bodies: Body[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (r) => {
    if (r.status() >= 300 && r.status() < 400) return;
    pending.push(
      r.body().then(
        (body) => void bodies.push({ url: r.url(), contentType: r.headers()['content-type'] ?? '', body }),
        () => undefined, // a body the page discarded (navigation moved on)
      ),
    );
  });
  return { bodies, settled: async () => void (await Promise.all(pending)) };
}

/** The URL paths of the font files behind every face the page has loaded (i.e. that its text uses). */
async function fontsUsed(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    const weight = (w: string) => ({ normal: '400', bold: '700' })[w] ?? w;
    const rules: CSSFontFaceRule[] = [];
    const walk = (list: CSSRuleList) => {
      for (const r of Array.from(list)) {
        if (r instanceof CSSFontFaceRule) rules.push(r);
        else if (r instanceof CSSGroupingRule) walk(r.cssRules);
      }
    };
    for (const sheet of Array.from(document.styleSheets)) {
      try {
        walk(sheet.cssRules);
      } catch {
        // a stylesheet from elsewhere: none is expected
      }
    }
    const used = new Set<string>();
    for (const face of document.fonts) {
      if (face.status !== 'loaded') continue;
      for (const r of rules) {
        const family = r.style.getPropertyValue('font-family').replace(/["']/g, '').trim();
        if (family !== face.family.replace(/["']/g, '')) continue;
        if (weight(r.style.getPropertyValue('font-weight') || 'normal') !== weight(face.weight)) continue;
        if ((r.style.getPropertyValue('font-style') || 'normal') !== face.style) continue;
        for (const m of r.style.getPropertyValue('src').matchAll(/url\(["']?([^"')]+)["']?\)/g))
          used.add(new URL(m[1]!, r.parentStyleSheet?.href ?? location.href).pathname);
      }
    }
    return [...used].sort();
  });
}

/**
 * The text a reader can read on the page (run in it): its rendered text, with the folds that only a phone's screen
 * closes (a study card's facts) opened first, as the reader can.
 */
function readableText(): string {
  for (const fold of document.querySelectorAll('details.fold-narrow')) (fold as HTMLDetailsElement).open = true;
  return document.body.innerText;
}

/** A fresh browser context (empty cache) with a phone's viewport, as Lighthouse's mobile run has. */
const phoneContext = (browser: Browser) => browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true });

/** Loads a page cold (fresh context: empty cache) with a phone's viewport, does nothing, and weighs what it fetched. */
export async function weighPage(browser: Browser, type: PageType, url: string): Promise<PageWeight> {
  const context = await phoneContext(browser);
  try {
    const page = await context.newPage();
    const { bodies, settled } = record(page);
    const response = await page.goto(url, { waitUntil: 'networkidle' });
    if (!response?.ok()) throw new Error(`${url}: HTTP ${response?.status()}`);
    const used = await fontsUsed(page);
    const text = await page.evaluate(readableText);
    await settled();
    const gz = tally(bodies);
    const textGz = gzipSize(text);
    const fonts = bodies.filter((b) => kindOf(b.url, b.contentType) === 'font').map((b) => new URL(b.url).pathname).sort();
    const html = bodies.find((b) => b.url === response.url());
    if (!html) throw new Error(`${url}: the page's own HTML was not recorded`);
    const shellGz = gzipSize(emptyMain(Buffer.from(html.body).toString('utf8'))) + gz.css + gz.js;
    return {
      type,
      url: new URL(url).pathname,
      gz,
      jsBeforeInteraction: gz.js,
      textGz,
      weightToText: (gz.html + gz.css + gz.js) / textGz,
      shellGz,
      fonts,
      fontsUsed: used,
    };
  } finally {
    await context.close();
  }
}

/**
 * Loads `url` cold `runs` times with every request held back by `emulatedRoundTripMs` (as a slow mobile connection
 * does) and returns the median first contentful paint, ms from the start of navigation; NaN if none painted.
 */
export async function timeFirstPaint(browser: Browser, url: string, runs = 3): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await phoneContext(browser);
    try {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: emulatedRoundTripMs, downloadThroughput: -1, uploadThroughput: -1 });
      await page.goto(url, { waitUntil: 'load' });
      times.push(await page.evaluate(() => new Promise<number>((ok) => {
        // The paint entry may be recorded after the load event: the observer sees it whenever it comes.
        new PerformanceObserver((list) => {
          const fcp = list.getEntriesByName('first-contentful-paint')[0];
          if (fcp) ok(fcp.startTime);
        }).observe({ type: 'paint', buffered: true });
        setTimeout(() => ok(Number.NaN), 5000);
      })));
    } finally {
      await context.close();
    }
  }
  return median(times);
}

/**
 * Loads `url` after `from` in the same browser context, as a reader following a link does, and weighs what came
 * over the network for it: files the first page left in the cache (under the site's caching headers) do not count.
 */
export async function weighNextPage(browser: Browser, from: string, url: string): Promise<NextPageWeight> {
  const context = await phoneContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(from, { waitUntil: 'networkidle' });
    const { bodies, settled } = record(page);
    const response = await page.goto(url, { waitUntil: 'networkidle' });
    if (!response?.ok()) throw new Error(`${url}: HTTP ${response?.status()}`);
    const fetched = await page.evaluate(() =>
      [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].filter((e) => (e as PerformanceResourceTiming).transferSize > 0).map((e) => e.name),
    );
    const text = await page.evaluate(readableText);
    await settled();
    const overNetwork = new Set(fetched);
    const gz = tally(bodies.filter((b) => overNetwork.has(b.url)));
    const textGz = gzipSize(text);
    return { url: new URL(url).pathname, from: new URL(from).pathname, gz, weightToText: (gz.html + gz.css + gz.js) / textGz };
  } finally {
    await context.close();
  }
}

/**
 * Opens `/search/?q=<query>` cold and times, from the start of navigation, until the first result is in the list;
 * counts the gzip bytes of the files that had arrived by then (what the page fetches afterwards, such as the
 * facets' filter files or the other results, is not part of the first result's cost).
 */
export async function timeSearch(browser: Browser, searchUrl: string, query: string): Promise<SearchRun> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __firstResult?: number };
      new MutationObserver((_, observer) => {
        if (document.querySelector('.results li')) {
          w.__firstResult = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const { bodies, settled } = record(page);
    const url = `${searchUrl}?q=${encodeURIComponent(query)}`;
    await page.goto(url);
    let results = 0;
    try {
      await page.waitForFunction(() => (window as unknown as { __firstResult?: number }).__firstResult !== undefined, undefined, { timeout: 10_000 });
      results = await page.locator('.results > li').count();
    } catch {
      results = 0;
    }
    const [firstResultMs, bundleAt, byThen] = await page.evaluate(() => {
      const first = (window as unknown as { __firstResult?: number }).__firstResult ?? Number.NaN;
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      return [
        first,
        resources.find((e) => /\/pagefind\/pagefind\.js/.test(e.name))?.startTime ?? Number.NaN,
        // What had arrived when the first result was shown: the page itself and every file finished by then.
        [location.href, ...resources.filter((e) => e.responseEnd <= first).map((e) => e.name)],
      ] as const;
    });
    await settled();
    const arrived = new Set(byThen);
    const counted = bodies.filter((b) => arrived.has(b.url));
    const fetchedGz = counted.reduce((sum, b) => sum + gzipSize(b.body), 0);
    const pagefindGz = counted.filter((b) => new URL(b.url).pathname.includes('/pagefind/')).reduce((sum, b) => sum + gzipSize(b.body), 0);
    return { query, firstResultMs: firstResultMs!, afterBundleMs: firstResultMs! - bundleAt!, fetchedGz, pagefindGz, results };
  } finally {
    await context.close();
  }
}

/**
 * Opens the search page with a first query and waits for its results; then, for each query, `runs` times: types all
 * but its last character at once, waits until the page is quiet (that search drawn, its facets counted), presses the
 * last key and times from that key's `keydown` to the first result of the new search in the list. Each query's
 * figure is the median of its runs; a run that showed no new result counts as NaN.
 */
export async function timeKeystrokes(browser: Browser, searchUrl: string, first: string, queries: readonly string[], runs: number): Promise<KeystrokeRun[]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${searchUrl}?q=${encodeURIComponent(first)}`);
    await page.locator('.results > li').first().waitFor({ timeout: 10_000 });
    await page.evaluate(() => {
      const w = window as unknown as { __keys: { down: number; shown: number; changed: number } };
      w.__keys = { down: Number.NaN, shown: Number.NaN, changed: performance.now() };
      document.addEventListener('keydown', (e) => ((w.__keys.down = e.timeStamp), (w.__keys.shown = Number.NaN)), true);
      new MutationObserver((records) => {
        w.__keys.changed = performance.now();
        const drawn = records.some((r) => [...r.addedNodes].some((n) => n instanceof Element && n.matches('.results > li')));
        if (drawn && !Number.isNaN(w.__keys.down) && Number.isNaN(w.__keys.shown)) w.__keys.shown = performance.now();
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    const input = page.locator('[data-search] input[name="q"]');
    const out: KeystrokeRun[] = [];
    for (const query of queries) {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        await input.fill(query.slice(0, -1));
        // Quiet: nothing in the page has changed for 300 ms (the partial query's results and counts are in).
        await page.waitForFunction(() => performance.now() - (window as unknown as { __keys: { changed: number } }).__keys.changed > 300, undefined, { timeout: 10_000, polling: 50 });
        await page.evaluate(() => ((window as unknown as { __keys: { down: number } }).__keys.down = Number.NaN));
        await input.press(query.slice(-1));
        try {
          await page.waitForFunction(() => !Number.isNaN((window as unknown as { __keys: { shown: number } }).__keys.shown), undefined, { timeout: 5_000 });
          times.push(await page.evaluate(() => {
            const k = (window as unknown as { __keys: { down: number; shown: number } }).__keys;
            return k.shown - k.down;
          }));
        } catch {
          times.push(Number.NaN);
        }
      }
      out.push({ query, runs, ms: median(times) });
    }
    return out;
  } finally {
    await context.close();
  }
}
