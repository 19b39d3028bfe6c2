// The copy buttons of "Cite this section" in Chromium (src/browser/section.ts). The previews of cited references, on
// focus and on hover, are tested in browser.test.ts and following.test.ts.
import { readFileSync } from 'node:fs';
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
