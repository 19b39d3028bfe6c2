// A section page's scripts in Chromium (src/scripts/section.ts): the preview of a cited reference, on keyboard focus
// and on mouse hover, and the copy buttons of "Cite this section".
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { watch } from '../../src/cli/browser';
import { browserAndSite } from './browser-suite';
import { distDir, page as builtPage, pages } from './dist';

const env = browserAndSite();

/** A section page whose running text cites a reference, and the first such citation's number. */
function citingSection(): { url: string; n: string } {
  const p = pages().find((x) => /^\/sections\/[^/]+\/$/.test(x.url) && x.dom.querySelector('main p .cite a[data-ref]'))!;
  return { url: p.url, n: p.dom.querySelector('main p .cite a[data-ref]')!.getAttribute('data-ref')! };
}

/** Reference n as its own page prints it: what the citation link leads to. */
const referenceText = (n: string) => builtPage(`/references/${n}/`).dom.querySelector('main .reference')!.textContent;

describe('citation previews', () => {
  it('open on keyboard focus, are announced as the link description, and close on Escape', async () => {
    const { url, n } = citingSection();
    const page = await env.browser.newPage();
    const problems = watch(page, env.site.origin);
    await page.goto(env.site.url(url));
    const link = page.locator('main p .cite a[data-ref]').first();
    await link.focus();
    const tip = page.getByRole('tooltip');
    await tip.waitFor({ state: 'visible', timeout: 2000 });
    expect(await link.getAttribute('aria-describedby')).toBe(await tip.getAttribute('id'));
    expect(await tip.textContent()).toBe(referenceText(n));
    await page.keyboard.press('Escape');
    await tip.waitFor({ state: 'hidden', timeout: 2000 });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('open while the pointer is on a citation, with the reference it cites, and close when the pointer moves away', async () => {
    const { url, n } = citingSection();
    const page = await env.browser.newPage();
    const problems = watch(page, env.site.origin);
    await page.goto(env.site.url(url));
    const tip = page.getByRole('tooltip');
    await expect(tip.isVisible()).resolves.toBe(false);
    const link = page.locator('main p .cite').getByRole('link', { name: n, exact: true }).first();
    await link.hover();
    await tip.waitFor({ state: 'visible', timeout: 2000 });
    expect(await tip.textContent()).toBe(referenceText(n));
    // Beside the link, not somewhere else on the page: just below it (or above, near the bottom of the window).
    const [at, shown] = [(await link.boundingBox())!, (await tip.boundingBox())!];
    const gap = Math.max(shown.y - (at.y + at.height), at.y - (shown.y + shown.height));
    expect(gap).toBeGreaterThanOrEqual(0);
    expect(gap).toBeLessThan(20);
    await page.getByRole('heading', { level: 1 }).hover();
    await tip.waitFor({ state: 'hidden', timeout: 2000 });
    expect(await link.getAttribute('aria-describedby')).toBeNull();
    // Another citation shows its own reference.
    const other = page.locator('main p .cite a[data-ref]').filter({ hasNotText: new RegExp(`^${n}$`) }).first();
    const m = (await other.getAttribute('data-ref'))!;
    await other.hover();
    await tip.waitFor({ state: 'visible', timeout: 2000 });
    await expect(tip.textContent()).resolves.toBe(referenceText(m));
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('copy buttons', () => {
  it('put the citation beside each on the clipboard, and the BibTeX as its download holds it, and say so', async () => {
    const { url } = citingSection();
    const built = builtPage(url).dom;
    const context = await env.browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.site.origin });
    const page = await context.newPage();
    const problems = watch(page, env.site.origin);
    await page.goto(env.site.url(url));
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
    const block = page.getByRole('region', { name: 'Cite this section' });

    // One button beside each citation style; found through its group, as its name changes once it has copied.
    const styles = built.querySelectorAll('.cite-block .citation');
    expect(styles.length).toBeGreaterThan(1);
    const copied: string[] = [];
    for (const [i, style] of styles.entries()) {
      const citation = style.querySelector('.citation-text')!.textContent.trim();
      const label = style.querySelector('.muted')!.textContent;
      await page.evaluate(() => navigator.clipboard.writeText('(nothing copied)'));
      const button = block.locator('.citation').nth(i).getByRole('button');
      await expect(button.textContent(), label).resolves.toBe('Copy');
      await button.click();
      await expect.poll(clipboard, { message: label }).toBe(citation);
      await expect.poll(() => button.textContent(), { message: label }).toBe('Copied');
      copied.push(citation);
    }
    // Each button copies its own style's citation of this section, at its canonical address.
    expect(new Set(copied).size).toBe(copied.length);
    const canonical = built.querySelector('link[rel="canonical"]')!.getAttribute('href')!;
    for (const citation of copied) expect(citation).toContain(canonical);

    // The BibTeX button is inside a closed <details>: the reader opens it first.
    await block.locator('summary', { hasText: 'BibTeX' }).click();
    const bibtex = block.locator('details').getByRole('button');
    await expect(bibtex.textContent()).resolves.toBe('Copy BibTeX');
    await bibtex.click();
    const slug = url.split('/')[2]!;
    await expect.poll(clipboard).toBe(readFileSync(`${distDir}/cite/${slug}.bib`, 'utf8').trim());
    await expect.poll(() => bibtex.textContent()).toBe('Copied');
    expect(problems).toEqual([]);
    await context.close();
  });
});
