// Following a citation in Chromium: from [83] to the section's own entry and back, the preview of a reference, the
// "Cited in" links of a reference page, and the copy buttons when the clipboard is refused or takes rich text.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { watch } from '../../src/cli/browser';
import { browserAndSite } from './browser-suite';

const env = browserAndSite();
const section = '/sections/cathode-oxides-polyanionic/';

async function open(url: string, options: { width?: number; height?: number; init?: () => void } = {}) {
  const page = await env.browser.newPage({ viewport: { width: options.width ?? 1280, height: options.height ?? 800 } });
  if (options.init) await page.addInitScript(options.init);
  const problems = watch(page, env.site.origin);
  await page.goto(env.site.url(url));
  return { page, problems };
}

/** Whether the element lies wholly inside the window. */
async function inView(page: Page, element: Locator): Promise<boolean> {
  const box = (await element.boundingBox())!;
  const { width, height } = page.viewportSize()!;
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= width && box.y + box.height <= height;
}

const hash = (page: Page) => page.evaluate(() => location.hash);

describe('a citation in a section', () => {
  it('leads to the section’s own entry, whose back links return to each place that cites it', async () => {
    const { page, problems } = await open(section);
    const citations = page.getByRole('main').getByRole('link', { name: '83', exact: true });
    expect(await citations.count()).toBeGreaterThan(1);
    await citations.nth(1).click();
    expect(await hash(page)).toBe('#ref-83');
    const entry = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: '[83]', exact: true }) });
    expect(await inView(page, entry)).toBe(true);
    // On to the reference's page, and back to the second place that cites it.
    expect(await entry.getByRole('link', { name: '[83]' }).getAttribute('href')).toBe('/references/83/');
    await entry.getByRole('link', { name: 'Back to citation b' }).click();
    expect(await hash(page)).toBe('#cite-83-2');
    const cited = page.locator(':target');
    expect(await cited.getByRole('link', { name: '83', exact: true }).count()).toBe(1);
    expect(await inView(page, cited)).toBe(true);
    await page.goBack();
    expect(await hash(page)).toBe('#ref-83');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the preview of a reference', () => {
  it('stays while the pointer is on it, and closes when the pointer leaves or on Escape', async () => {
    const { page, problems } = await open(section);
    const citation = page.getByRole('main').getByRole('link', { name: '83', exact: true }).first();
    const tip = page.getByRole('tooltip');
    await citation.hover();
    await tip.waitFor({ state: 'visible', timeout: 2000 });
    expect(await tip.locator('i').count()).toBe(1); // the journal
    await tip.hover();
    await page.waitForTimeout(600);
    await expect(tip.isVisible()).resolves.toBe(true);
    await page.mouse.move(5, 5);
    await tip.waitFor({ state: 'hidden', timeout: 2000 });
    await citation.hover();
    await tip.waitFor({ state: 'visible', timeout: 2000 });
    await page.keyboard.press('Escape');
    await tip.waitFor({ state: 'hidden', timeout: 2000 });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows on the whole edition\'s page too, from its reference list at the end', async () => {
    const { page, problems } = await open('/edition/');
    const citation = page.getByRole('main').getByRole('link', { name: '83', exact: true }).first();
    await citation.hover();
    const tip = page.getByRole('tooltip');
    await tip.waitFor({ state: 'visible', timeout: 2000 });
    await expect(tip.getByRole('link', { name: 'Reference page' }).getAttribute('href')).resolves.toMatch(/\/references\/83\/$/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('is reached by keyboard: Tab goes from the citation to its “Reference page” link, then on in the text; Escape goes back', async () => {
    const { page, problems } = await open(section);
    const citation = page.getByRole('main').getByRole('link', { name: '83', exact: true }).first();
    const tip = page.getByRole('tooltip');
    const more = tip.getByRole('link', { name: 'Reference page' });
    const focused = (link: Locator) => link.evaluate((a) => a === document.activeElement);
    /** The link that follows the citation in its paragraph. */
    const next = page.getByRole('main').getByRole('link', { name: await citation.evaluate((a) => {
      const links = [...a.closest('p')!.querySelectorAll('a')];
      return links[links.indexOf(a as HTMLAnchorElement) + 1]!.textContent;
    }), exact: true }).first();
    await citation.focus();
    await tip.waitFor({ state: 'visible', timeout: 2000 });
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(more)).toBe(true);
    expect(await more.getAttribute('href')).toBe('/references/83/');
    // Back to the citation and forth again: the preview stays open.
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => focused(citation)).toBe(true);
    await expect(tip.isVisible()).resolves.toBe(true);
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(more)).toBe(true);
    // On past the link, to the link that follows the citation in the text: the preview closes.
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(next)).toBe(true);
    await tip.waitFor({ state: 'hidden', timeout: 2000 });
    // Back to the citation, into the preview, and Escape: it closes, and the focus is the citation's again, from
    // where Tab goes on in the text.
    await page.keyboard.press('Shift+Tab');
    await tip.waitFor({ state: 'visible', timeout: 2000 });
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(more)).toBe(true);
    await page.keyboard.press('Escape');
    await tip.waitFor({ state: 'hidden', timeout: 2000 });
    await expect.poll(() => focused(citation)).toBe(true);
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(next)).toBe(true);
    // Enter on the link follows it.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(more)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/references/83/');
    expect(problems).toEqual([]);
    await page.close();
  });

  it.each([375, 1280])('opens inside a %i px window, above a citation at its bottom edge', async (width) => {
    const { page, problems } = await open(section, { width, height: 640 });
    // The last citation of the body, scrolled to the bottom edge of the window.
    const citation = page.getByRole('main').getByRole('paragraph').getByRole('link', { name: /^\d+$/ }).last();
    await citation.evaluate((a) => scrollBy(0, a.getBoundingClientRect().bottom - innerHeight + 4));
    await citation.hover();
    const tip = page.getByRole('tooltip');
    await tip.waitFor({ state: 'visible', timeout: 2000 });
    expect(await inView(page, tip)).toBe(true);
    expect((await tip.boundingBox())!.y + (await tip.boundingBox())!.height).toBeLessThanOrEqual((await citation.boundingBox())!.y);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('"Cited in" on a reference page', () => {
  it('lands on the paragraph that cites the reference', async () => {
    const { page, problems } = await open('/references/83/');
    const places = page.getByRole('main').getByRole('list').first().getByRole('link', { name: /^\d+(\.\d+)* / });
    expect(await places.count()).toBeGreaterThan(1);
    const href = (await places.nth(1).getAttribute('href'))!;
    expect(href).toMatch(/^\/sections\/[a-z-]+\/#p-\d+(-\d+)?$/);
    await places.nth(1).click();
    await page.waitForURL((u) => u.hash !== '');
    const paragraph = page.locator(':target');
    expect(await paragraph.getAttribute('id')).toBe(href.split('#')[1]);
    expect(await paragraph.getByRole('link', { name: '83', exact: true }).count()).toBeGreaterThan(0);
    expect(await inView(page, paragraph.getByRole('link', { name: '83', exact: true }).first())).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('copy buttons', () => {
  it('select the citation and say so when the clipboard is refused', async () => {
    const { page, problems } = await open(section, {
      init: () => {
        const refuse = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
        Object.defineProperty(navigator, 'clipboard', { value: { write: refuse, writeText: refuse } });
      },
    });
    const button = page.getByRole('button', { name: 'Copy', exact: true }).first();
    await button.click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Refused' }).count()).toBe(1);
    const citation = await page.locator(`#${await button.getAttribute('data-copy')}`).textContent();
    await expect(page.evaluate(() => getSelection()!.toString())).resolves.toBe(citation);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('copy plain text where the browser has no ClipboardItem', async () => {
    const { page, problems } = await open(section, {
      init: () => {
        const copied: string[] = [];
        (window as unknown as { copied: typeof copied }).copied = copied;
        delete (window as unknown as { ClipboardItem?: unknown }).ClipboardItem;
        Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (text: string) => void copied.push(text) } });
      },
    });
    const button = page.getByRole('button', { name: 'Copy', exact: true }).first();
    await button.click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Copied' }).count()).toBe(1);
    const source = page.locator(`#${await button.getAttribute('data-copy')}`);
    expect(await source.locator('i').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { copied: string[] }).copied)).toEqual([(await source.textContent())!.trim()]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('copy rich text and plain text where the browser takes both', async () => {
    const { page, problems } = await open(section, {
      init: () => {
        const copied: Record<string, string> = {};
        (window as unknown as { copied: typeof copied }).copied = copied;
        const write = async (items: ClipboardItem[]) => {
          for (const type of items[0]!.types) copied[type] = await (await items[0]!.getType(type)).text();
        };
        Object.defineProperty(navigator, 'clipboard', { value: { write } });
      },
    });
    const button = page.getByRole('button', { name: 'Copy', exact: true }).first();
    await button.click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Copied' }).count()).toBe(1);
    const source = page.locator(`#${await button.getAttribute('data-copy')}`);
    const copied = await page.evaluate(() => (window as unknown as { copied: Record<string, string> }).copied);
    expect(copied).toEqual({ 'text/html': await source.evaluate((e) => e.outerHTML), 'text/plain': (await source.textContent())!.trim() });
    expect(problems).toEqual([]);
    await page.close();
  });
});
