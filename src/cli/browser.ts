import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserServer, type Page } from 'playwright-core';

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices. */
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Debian's chromium; the tests never download a browser of their own. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function options() {
  if (!existsSync(chromiumPath))
    throw new Error(`Browser tests need Chromium at ${chromiumPath}. On Debian: apt-get install chromium (or set CHROMIUM_PATH).`);
  return {
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  };
}

export async function launch(): Promise<Browser> {
  return chromium.launch(options());
}

/** The same Chromium, started for other processes to connect to (`chromium.connect(server.wsEndpoint())`). */
export async function launchServer(): Promise<BrowserServer> {
  return chromium.launchServer(options());
}

/** What went wrong while a page loaded: console errors, page errors, failed requests, requests off the site. */
export function watch(page: Page, origin: string): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => {
    // A request cut short because the tab moved on to the next page is not a failure of the page.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`failed: ${r.url()} ${r.failure()?.errorText ?? ''}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) problems.push(`off-site request: ${r.url()}`);
  });
  return problems;
}
