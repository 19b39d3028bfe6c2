// The copy buttons of "Cite this section" in Chromium (src/browser/section.ts). The previews of cited references, on
// focus and on hover, are tested in browser.test.ts and following.test.ts.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { watch } from '../../src/cli/browser';
import { browserAndSite } from './browser-suite';
import { distDir, page as builtPage, pages } from './dist';

const env = browserAndSite();

/** A section page whose running text cites a reference. */
function citingSection(): { url: string } {
  const p = pages().find((x) => /^\/sections\/[^/]+\/$/.test(x.url) && x.dom.querySelector('main p .cite a'))!;
  return { url: p.url };
}

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
    /** The clipboard's HTML flavour, read: the text of each italic element, and the text of a <pre> if it has one. */
    const clipboardHtml = () =>
      page.evaluate(async () => {
        const [item] = await navigator.clipboard.read();
        const html = new DOMParser().parseFromString(item?.types.includes('text/html') ? await (await item.getType('text/html')).text() : '', 'text/html');
        return { italics: [...html.querySelectorAll('i')].map((i) => i.textContent), pre: html.querySelector('pre')?.textContent };
      });
    const block = page.getByRole('region', { name: 'Cite this section' });

    // One button beside each citation style, and beside it a status that says what became of the copy.
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
      await expect.poll(() => block.locator('.citation').nth(i).getByRole('status').textContent(), { message: label }).toBe('Copied');
      // And as rich text, where the italics of the style (the edition's title, "in situ") survive a paste.
      const italics = style.querySelectorAll('.citation-text i').map((e) => e.text);
      expect(italics.length, label).toBeGreaterThan(0);
      expect((await clipboardHtml()).italics, label).toEqual(italics);
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
    // Its rich text is the <pre>, whose lines a word processor keeps.
    expect((await clipboardHtml()).pre?.trim()).toBe(readFileSync(`${distDir}/cite/${slug}.bib`, 'utf8').trim());
    await expect.poll(() => block.locator('details').getByRole('status').textContent()).toBe('Copied');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('equations on the clipboard', () => {
  /** The TeX a rendered formula was written in (KaTeX's MathML annotation), from the built page. */
  const texOf = (url: string, selector: string) => builtPage(url).dom.querySelector(`${selector} annotation`)!.textContent;
  const withMath = '/sections/cathode-oxides-polyanionic/';
  /** How many times the page has fetched the copying script (it loads on the first click, key or selection). */
  const copyScript = (page: Page) => page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /\/copy-[\w-]+\.js$/.test(e.name)).length);
  /** Whether the copying script has run (it sets the copy buttons' handlers). */
  const copying = (page: Page) => page.evaluate(() => document.querySelector<HTMLButtonElement>('button.copy')?.onclick !== null);

  async function open(url: string, init?: () => void) {
    const context = await env.browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.site.origin });
    if (init) await context.addInitScript(init);
    const page = await context.newPage();
    const problems = watch(page, env.site.origin);
    await page.goto(env.site.url(url));
    if (!init) await page.evaluate(() => navigator.clipboard.writeText('(nothing copied)'));
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
    return { context, page, problems, clipboard };
  }

  it('a selection that holds a displayed or an inline formula copies as its TeX, without the glyphs or the hidden reading', async () => {
    const { context, page, problems, clipboard } = await open(withMath);
    // The copying script loads on the reader's first click; nothing of it before.
    expect(await copyScript(page)).toBe(0);
    await page.locator('main h1').click();
    await expect.poll(() => copying(page)).toBe(true);
    expect(await copyScript(page)).toBe(1);
    const select = (selector: string) =>
      page.evaluate((s) => {
        const range = document.createRange();
        range.selectNodeContents(document.querySelector(s)!);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
      }, selector);
    // The equation as a reader selects it, whole (a part of it selected widens to the whole formula).
    const first = '#lco-overlithiation-1 .eq';
    await select(first);
    await page.keyboard.press('ControlOrMeta+C');
    await expect.poll(clipboard).toBe(`$$${texOf(withMath, '#lco-overlithiation-1')}$$`);
    // A paragraph and both equations: the text as it reads, each equation's TeX once, no placeholder X.
    await page.evaluate(() => {
      const range = document.createRange();
      range.setStartBefore(document.getElementById('lco-overlithiation-1')!.previousElementSibling!);
      range.setEndAfter(document.getElementById('lco-overlithiation-2')!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await page.keyboard.press('ControlOrMeta+C');
    await expect.poll(clipboard).toContain(`$$${texOf(withMath, '#lco-overlithiation-2')}$$`);
    const both = await clipboard();
    expect(both).toContain(`$$${texOf(withMath, '#lco-overlithiation-1')}$$`);
    expect(both).not.toMatch(/LiCoOX|→|\u200b/);
    expect(both).toMatch(/^Li dendrites that reach the cathode/);
    await context.close();

    // An inline formula in a study's observations: $…$ in the sentence.
    const study = '/studies/fu-tis2-lithiation/';
    const inline = builtPage(study).dom.querySelectorAll('main li').find((p) => p.querySelector('.katex') && !p.querySelector('.katex-display'))!;
    const again = await open(study);
    await again.page.locator('main h1').click();
    await expect.poll(() => copying(again.page)).toBe(true);
    await again.page.evaluate((text) => {
      const p = [...document.querySelectorAll('main li')].find((x) => x.textContent === text)!;
      const range = document.createRange();
      range.selectNodeContents(p);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    }, inline.textContent);
    await again.page.keyboard.press('ControlOrMeta+C');
    const tex = inline.querySelector('annotation')!.textContent;
    await expect.poll(again.clipboard).toContain(`$${tex}$`);
    expect((await again.clipboard()).split(tex).length).toBe(2);
    expect(await again.clipboard()).not.toContain('→');
    expect([...problems, ...again.problems]).toEqual([]);
    await again.context.close();
  });

  it('"Copy TeX" copies a displayed equation\'s TeX, as the first thing the reader does, and says so', async () => {
    const { context, page, problems, clipboard } = await open(withMath);
    const numbers = builtPage(withMath).dom.querySelectorAll('.reaction .eq-number').map((n) => n.textContent);
    expect(numbers.length).toBeGreaterThan(1);
    // Each displayed equation has one, named after its number.
    for (const n of numbers) await expect(page.getByRole('button', { name: `Copy TeX of equation ${n}`, exact: true }).count()).resolves.toBe(1);
    const reaction = builtPage(withMath).dom.querySelectorAll('.reaction')[1]!;
    const button = page.getByRole('button', { name: `Copy TeX of equation ${reaction.querySelector('.eq-number')!.textContent}` });
    await expect(button.isVisible()).resolves.toBe(true);
    await button.click();
    await expect.poll(clipboard).toBe(reaction.querySelector('annotation')!.textContent);
    await expect.poll(() => page.locator(`#${reaction.id} [role=status]`).textContent()).toBe('Copied');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('"Copy TeX" selects the equation and says so when the clipboard is refused', async () => {
    const { context, page, problems } = await open(withMath, () => {
      const refuse = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
      Object.defineProperty(navigator, 'clipboard', { value: { write: refuse, writeText: refuse, readText: () => Promise.resolve('') } });
    });
    await page.getByRole('button', { name: 'Copy TeX of equation (1)' }).click();
    await expect.poll(() => page.locator('#lco-overlithiation-1 [role=status]').textContent()).toBe('Refused: text selected, press Ctrl+C');
    const selected = await page.evaluate(() => {
      const range = getSelection()!.getRangeAt(0);
      return (range.commonAncestorContainer as Element).closest?.('.reaction')?.id;
    });
    expect(selected).toBe('lco-overlithiation-1');
    expect(problems).toEqual([]);
    await context.close();
  });
});
