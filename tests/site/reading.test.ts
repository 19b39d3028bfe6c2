// The reading experience in Chromium: no sideways scrolling at phone, tablet and desktop widths, a theme toggle
// that persists and is applied before the first paint, a print view with the references and the URL, and diagrams
// that carry a title and a text equivalent.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HTMLElement, NodeType, parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { distDir, page as builtPage, extremesOfEveryKind, pages, pagesByKind } from './dist';
import { strFromU8, unzipSync } from 'fflate';
import { watch } from '../../src/cli/browser';
import { browserAndSite } from './browser-suite';

const env = browserAndSite();

/** Every section page, and for every other kind of page its smallest and its largest. */
function pagesOfEveryType(): string[] {
  const sections = pagesByKind().get('sections') ?? [];
  return [...new Set([...sections.map((p) => p.url), ...extremesOfEveryKind()])];
}

/** For each text of `root` in reading order that matches `word` outside headings, navigation, links, code and
 * formulas: whether it is the one marked as an abbreviation (inside a link's <abbr>) or plain. */
function prosePlaces(root: HTMLElement, word: RegExp): ('marked' | 'plain')[] {
  const out: ('marked' | 'plain')[] = [];
  const walk = (node: HTMLElement, marked: boolean) => {
    for (const child of node.childNodes) {
      if (child.nodeType === NodeType.TEXT_NODE) {
        if (word.test(child.textContent)) out.push(marked ? 'marked' : 'plain');
      } else if (child instanceof HTMLElement) {
        const mark = child.tagName === 'A' && child.querySelector('abbr') !== null;
        if (mark) walk(child, true);
        else if (!/^(H[1-6]|NAV|A|CODE|SCRIPT)$/.test(child.tagName) && !child.classList.contains('katex') && !child.hasAttribute('hidden')) walk(child, marked);
      }
    }
  };
  walk(root, false);
  return out;
}

const sectionWithReferences = () => pages().find((p) => p.url.startsWith('/sections/') && p.dom.querySelector('.references-cited li'))!.url;

describe('layout', () => {
  // Each page loads once and is laid out at each width in turn, as a window resized or a phone turned would be.
  it('no page scrolls sideways at 320, 768 or 1280 px', { timeout: 600_000 }, async () => {
    const widths = [320, 768, 1280] as const;
    const context = await env.browser.newContext({ viewport: { width: widths[0], height: 800 } });
    const queue = pagesOfEveryType();
    expect(queue.length).toBeGreaterThan(30);
    const wide: string[] = [];
    let checked = 0;
    await Promise.all(
      Array.from({ length: 3 }, async () => {
        const tab = await context.newPage();
        for (let url = queue.shift(); url; url = queue.shift()) {
          await tab.setViewportSize({ width: widths[0], height: 800 });
          await tab.goto(env.site.url(url), { waitUntil: 'load' });
          for (const width of widths) {
            await tab.setViewportSize({ width, height: 800 });
            const [scroll, inner] = await tab.evaluate(() => [document.scrollingElement!.scrollWidth, window.innerWidth]);
            if (inner !== width) throw new Error(`${url}: the window is ${inner} px wide, not ${width}`);
            if (scroll! > inner!) wide.push(`${url} at ${width} px: ${scroll} > ${inner}`);
            checked++;
          }
        }
        await tab.close();
      }),
    );
    await context.close();
    expect(checked).toBe(pagesOfEveryType().length * widths.length);
    expect(wide).toEqual([]);
  });
});

describe('the edition\'s contents beside the text', () => {
  const longSection = '/sections/cathode-oxides-polyanionic/';

  it.each([1100, 1280, 1440, 1920, 2560])('at %i px stay in view mid-page, mark the heading being read and never overlap the text', async (width) => {
    const tab = await env.browser.newPage({ viewport: { width, height: 900 } });
    await tab.goto(env.site.url(longSection));
    const headings = tab.locator('main h2[id]:not(#on-this-page)');
    const target = (await headings.count()) >> 1;
    await headings.nth(target).evaluate((h) => h.scrollIntoView());
    await tab.evaluate(() => scrollBy(0, 10));
    const id = await headings.nth(target).getAttribute('id');
    await tab.waitForFunction((t) => document.querySelector(`.edition-contents .here a[href="#${t}"]`)?.getAttribute('aria-current') === 'true', id);
    const result = await tab.evaluate(() => {
      const panel = document.querySelector('.edition-contents-panel')!.getBoundingClientRect();
      const text = [...document.querySelectorAll('main > *, .site-footer')].map((el) => el.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0);
      const current = document.querySelector('.edition-contents a[aria-current="page"]')!.getBoundingClientRect();
      return {
        inView: panel.top <= 0 && panel.bottom >= innerHeight && panel.left === 0 && panel.width > 200,
        current: current.width > 0 && current.top >= 0 && current.bottom <= innerHeight,
        overlaps: text.filter((r) => r.left < panel.right && r.top < panel.bottom && r.bottom > panel.top).length,
        sideways: document.scrollingElement!.scrollWidth > innerWidth,
      };
    });
    await tab.close();
    expect(result).toEqual({ inView: true, current: true, overlaps: 0, sideways: false });
  });

  it.each([375, 1024])('at %i px are a Contents button in a header that stays at the top, which Escape and a click outside close', async (width) => {
    const context = await env.browser.newContext({ viewport: { width, height: 800 }, hasTouch: width < 800, isMobile: width < 800 });
    const tab = await context.newPage();
    await tab.goto(env.site.url(longSection));
    await tab.evaluate(() => scrollTo(0, document.body.scrollHeight / 2));
    const header = await tab.locator('.site-header').boundingBox();
    expect(header!.y).toBe(0);
    if (width < 800) expect(header!.height).toBeLessThan(72);
    await expect(tab.locator('.site-header kbd').isVisible()).resolves.toBe(width >= 800);
    await expect(tab.getByRole('link', { name: 'Top' }).isVisible()).resolves.toBe(true);
    const button = tab.locator('.contents-button');
    const panel = tab.locator('.edition-contents-panel');
    await expect(panel.isVisible()).resolves.toBe(false);
    await button.click();
    await expect(panel.getByRole('link', { name: /2\.1/ }).isVisible()).resolves.toBe(true);
    await tab.keyboard.press('Escape');
    await expect(panel.isVisible()).resolves.toBe(false);
    await expect(button.evaluate((b) => b === document.activeElement)).resolves.toBe(true);
    await button.click();
    await tab.mouse.click(5, 785);
    await expect(panel.isVisible()).resolves.toBe(false);
    await tab.getByRole('link', { name: 'Top' }).click();
    await tab.waitForFunction(() => scrollY === 0);
    await context.close();
  });
});

describe('self-links', () => {
  /** The headings and paragraphs of a section's own text: not navigation, cards, figures, tables, lists or its page blocks. */
  const ownText = (url: string) => {
    const main = builtPage(url).dom.querySelector('main')!;
    const inText = (el: HTMLElement) => !el.closest('nav, aside, figure, table, ul, ol, blockquote, details, section');
    return {
      headings: main.querySelectorAll('h2[id], h3[id], h4[id]').filter((h) => !h.closest('nav, aside')),
      paragraphs: main.querySelectorAll('p').filter((p) => inText(p) && !p.getAttribute('class')),
    };
  };

  it('every heading and paragraph of every section has a link to itself, on an id the manifest of published URLs lists', () => {
    const published = new Set(readFileSync('content/published-urls.txt', 'utf8').split('\n'));
    const missing: string[] = [];
    let paragraphs = 0;
    for (const { url } of pagesByKind().get('sections')!) {
      const own = ownText(url);
      paragraphs += own.paragraphs.length;
      for (const el of [...own.headings, ...own.paragraphs]) {
        const id = el.id;
        if (!id || !el.querySelector(`a[href="#${id}"]`)) missing.push(`${url}: <${el.tagName.toLowerCase()}> ${el.textContent.slice(0, 40)}`);
        else if (!published.has(`${url}#${id}`)) missing.push(`${url}#${id} is not in content/published-urls.txt`);
      }
    }
    expect(paragraphs).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it('shows a paragraph\'s link when the keyboard reaches it, and names it once', async () => {
    const tab = await env.browser.newPage();
    await tab.goto(env.site.url('/sections/cathode-oxides-polyanionic/'));
    const first = tab.locator('main p a.pl').first();
    const before = () => first.evaluate((a) => getComputedStyle(a, '::before').opacity);
    await expect(before()).resolves.toBe('0');
    // The link before it in the tab order, then Tab.
    await first.evaluate((a) => {
      const links = [...document.querySelectorAll<HTMLAnchorElement | HTMLButtonElement>('a[href], button')].filter((l) => l.offsetParent !== null || l === a);
      links[links.indexOf(a as HTMLAnchorElement) - 1]!.focus();
    });
    await tab.keyboard.press('Tab');
    await expect(first.evaluate((a) => a === document.activeElement)).resolves.toBe(true);
    await expect(before()).resolves.toBe('1');
    const snapshot = await first.locator('xpath=..').ariaSnapshot();
    expect(snapshot.match(/link "Link to this paragraph"/g)).toHaveLength(1);
    const heading = tab.locator('main h2[id]:not(#on-this-page)').first();
    expect(await heading.ariaSnapshot()).toMatch(/^- heading "[^"]+" \[level=2\]:\n {2}- link "[^"]+":/);
    await tab.close();
  });
});

describe('quantity tables on a phone', () => {
  it('keep a short value and its unit on one line at 320 px, the page still not scrolling sideways', async () => {
    const tab = await env.browser.newPage({ viewport: { width: 320, height: 800 } });
    await tab.goto(env.site.url('/studies/tan-li2s-graphene/'));
    const cells = await tab.locator('td.one-line').evaluateAll((tds) =>
      tds.map((td) => {
        const range = document.createRange();
        range.selectNodeContents(td);
        return { text: td.textContent, lines: range.getBoundingClientRect().height / parseFloat(getComputedStyle(td).lineHeight) };
      }),
    );
    const [scroll, inner] = await tab.evaluate(() => [document.scrollingElement!.scrollWidth, window.innerWidth]);
    await tab.close();
    expect(cells.map((c) => c.text)).toEqual(expect.arrayContaining(['390–405\u00A0nm', '~12 cycles']));
    expect(cells.filter((c) => c.lines > 1.5)).toEqual([]);
    expect(scroll).toBeLessThanOrEqual(inner!);
  });
});

describe('study cards', () => {
  it('fold their facts on a phone under a summary of them, label beside value when opened; show them at once, in two columns reaching into the margin, when wide', async () => {
    const layout = async (width: number) => {
      const tab = await env.browser.newPage({ viewport: { width, height: 900 } });
      await tab.goto(env.site.url('/sections/cathode-chalcogens/'));
      const card = tab.locator('main > aside.card.study').first();
      const visible = () => card.evaluate((c) => ({ summary: c.querySelector('summary')!.checkVisibility(), facts: c.querySelector('dd')!.checkVisibility() }));
      const folded = await visible();
      const summary = await card.locator('summary').innerText();
      if (folded.summary) await card.locator('summary').click();
      const found = await card.evaluate((c) => {
        const pairs = [...c.querySelectorAll('dt')].map((dt) => [dt.getBoundingClientRect(), dt.nextElementSibling!.getBoundingClientRect()] as const);
        const text = document.querySelector('main > p')!.getBoundingClientRect();
        return { pairs: pairs.map(([dt, dd]) => ({ sameRow: Math.abs(dt.top - dd.top) < 8, beside: dd.left >= dt.right })), cardRight: c.getBoundingClientRect().right, textRight: text.right, columns: new Set(pairs.map(([, dd]) => Math.round(dd.left))).size };
      });
      const cell = await card.locator('dt:text-is("Cell") + dd').innerText();
      const techniques = await card.locator('dt:text-is("Techniques") + dd').innerText();
      await tab.close();
      return { folded, summary, cell, techniques, ...found };
    };
    const phone = await layout(375);
    // Folded: a line that names the cell and the techniques, the facts hidden until the reader opens it.
    expect(phone.folded).toEqual({ summary: true, facts: false });
    expect(phone.summary).toContain(phone.cell);
    expect(phone.summary).toContain(phone.techniques.split(', ')[0]);
    expect(phone.pairs.length).toBeGreaterThan(3);
    expect(phone.pairs.filter((p) => !p.sameRow || !p.beside)).toEqual([]);
    // From 768 px, nothing folds; at 1920 px the card reaches into the margin.
    expect((await layout(768)).folded).toEqual({ summary: false, facts: true });
    const wide = await layout(1920);
    expect(wide.folded).toEqual({ summary: false, facts: true });
    expect(wide.cardRight).toBeGreaterThan(wide.textRight + 100);
    expect(wide.columns).toBe(2);
  });
});

describe('the timeline and the matrix on a phone', () => {
  it('lays the timeline out in rows of marks beside their years at 320 px, in columns above them at 1280 px', async () => {
    const measure = async (width: number) => {
      const tab = await env.browser.newPage({ viewport: { width, height: 800 } });
      await tab.goto(env.site.url('/studies/'));
      const chart = tab.locator('.timeline-chart');
      const result = await chart.evaluate((ol) => {
        const years = [...ol.querySelectorAll('.timeline-year')].map((y) => y.getBoundingClientRect());
        const marks = [...ol.querySelectorAll('a')].map((a) => a.getBoundingClientRect());
        const box = ol.getBoundingClientRect();
        return {
          rows: years.every((y, i) => i === 0 || y.top > years[i - 1]!.top),
          columns: years.every((y, i) => i === 0 || (y.left > years[i - 1]!.left && y.top === years[0]!.top)),
          inside: marks.every((m) => m.left >= box.left && m.right <= box.right) && ol.scrollWidth <= ol.clientWidth && box.right <= innerWidth,
          smallest: Math.min(...marks.map((m) => Math.min(m.width, m.height))),
        };
      });
      // A mark names its study on hover, under the chart.
      await chart.locator('a').first().hover();
      const tip = chart.locator('a').first().locator('span');
      await expect(tip.isVisible()).resolves.toBe(true);
      expect((await tip.boundingBox())!.width).toBeGreaterThan(100);
      await tab.close();
      return result;
    };
    expect(await measure(320)).toEqual({ rows: true, columns: false, inside: true, smallest: 18 });
    expect(await measure(1280)).toEqual({ rows: false, columns: true, inside: true, smallest: 18 });
  });

  it('gives the matrix as a list by material at 320 px, and the grid at 1280 px', async () => {
    for (const [width, grid] of [[320, false], [1280, true]] as const) {
      const tab = await env.browser.newPage({ viewport: { width, height: 800 } });
      await tab.goto(env.site.url('/matrix/'));
      await expect(tab.locator('.matrix svg').isVisible(), `${width}`).resolves.toBe(grid);
      await expect(tab.getByText('On a narrow screen the grid gives way to this list').isVisible(), `${width}`).resolves.toBe(!grid);
      const list = tab.getByRole('list').filter({ has: tab.getByRole('link', { name: /lithium cobalt oxide/ }) });
      await expect(list.isVisible()).resolves.toBe(true);
      const licoo2 = tab.locator('#matrix-licoo2');
      await expect(licoo2.getByRole('link', { name: 'EELS', exact: true }).isVisible()).resolves.toBe(true);
      expect(await licoo2.evaluate((li) => li.scrollWidth <= li.clientWidth && li.getBoundingClientRect().right <= innerWidth)).toBe(true);
      await tab.close();
    }
  });
});

describe('theme', () => {
  const bg = () => getComputedStyle(document.body).backgroundColor;

  it('follows the system until the reader chooses; the choice holds across pages and reloads', async () => {
    const context = await env.browser.newContext({ colorScheme: 'light' });
    const tab = await context.newPage();
    const problems = watch(tab, env.site.origin);
    await tab.goto(env.site.url('/'));
    const toggle = tab.getByRole('button', { name: 'Dark theme' });
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
    await expect(tab.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('light');
    const light = await tab.evaluate(bg);
    await toggle.click();
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(tab.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');
    const dark = await tab.evaluate(bg);
    expect(dark).not.toBe(light);

    // On the next page and after a reload, the theme is already dark when the body is first parsed (before paint).
    await tab.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        (window as unknown as { themeAtBody?: string | undefined }).themeAtBody = document.documentElement.dataset.theme;
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    for (const go of [() => tab.goto(env.site.url('/studies/')), () => tab.reload()]) {
      await go();
      await expect(tab.evaluate(() => (window as unknown as { themeAtBody?: string | undefined }).themeAtBody)).resolves.toBe('dark');
      await expect(tab.evaluate(bg)).resolves.toBe(dark);
      await expect(tab.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed')).resolves.toBe('true');
    }
    await tab.getByRole('button', { name: 'Dark theme' }).click();
    await tab.reload();
    await expect(tab.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('light');
    await expect(tab.evaluate(bg)).resolves.toBe(light);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('agrees with a dark system setting when nothing is stored', async () => {
    const context = await env.browser.newContext({ colorScheme: 'dark' });
    const tab = await context.newPage();
    await tab.goto(env.site.url('/'));
    await expect(tab.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');
    await expect(tab.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await context.close();
  });

  it('is set by a blocking external script, the first script of every page to run, after its stylesheets and deferred modules are asked for', () => {
    for (const p of pages()) {
      const scripts = p.dom.querySelectorAll('script[src]');
      const blocking = scripts.filter((s) => !s.hasAttribute('defer') && !s.hasAttribute('async') && s.getAttribute('type') !== 'module');
      expect(blocking.map((s) => s.getAttribute('src')), p.url).toEqual([expect.stringMatching(/\/theme\.js$/)]);
      expect(blocking[0]!.parentNode?.tagName, p.url).toBe('HEAD');
      // The page's stylesheets and modules come first, so that the browser asks for them without waiting for it.
      const modules = scripts.filter((s) => s.getAttribute('type') === 'module').map((s) => s.getAttribute('src')!);
      const sheets = p.dom.querySelectorAll('link[rel="stylesheet"]').map((l) => l.getAttribute('href')!);
      expect(modules.length * sheets.length, p.url).toBeGreaterThan(0);
      expect([...modules, ...sheets].filter((src) => p.html.indexOf(src) > p.html.indexOf('theme.js')), p.url).toEqual([]);
    }
  });
});

describe('print', () => {
  it('prints the cells with their parts filled in grey, as the browser would otherwise leave backgrounds out', async () => {
    const tab = await env.browser.newPage();
    await tab.emulateMedia({ media: 'print' });
    await tab.goto(env.site.url('/cells/'));
    const parts = await tab.locator('.cell-part').evaluateAll((els) => els.map((el) => [getComputedStyle(el).printColorAdjust, getComputedStyle(el).backgroundColor]));
    await tab.close();
    expect(parts.length).toBeGreaterThan(20);
    expect(parts.filter(([adjust, fill]) => adjust !== 'exact' || !/^rgb\((\d+), \1, \1\)$/.test(fill!) || fill === 'rgb(255, 255, 255)')).toEqual([]);
  });

  it('prints a section with its reference list and URL, without header, navigation, buttons or pager', async () => {
    const url = sectionWithReferences();
    const tab = await env.browser.newPage();
    await tab.emulateMedia({ media: 'print' });
    await tab.goto(env.site.url(url));
    for (const hidden of ['.site-header', 'nav', '.pager', 'button', '#theme-toggle'])
      for (const el of await tab.locator(hidden).all()) await expect(el.isVisible(), hidden).resolves.toBe(false);
    await expect(tab.locator('.references-cited').isVisible()).resolves.toBe(true);
    await expect(tab.locator('.cite-block .citation-text').first().isVisible()).resolves.toBe(true);
    const printed = tab.locator('.print-url');
    await expect(printed.isVisible()).resolves.toBe(true);
    expect(await printed.textContent()).toBe(builtPage(url).dom.querySelector('link[rel=canonical]')!.getAttribute('href'));
    // The page opens with the section's title, not with its URL.
    const first = await tab.evaluate(() => [...document.querySelectorAll('main *')].find((el) => el.checkVisibility() && el.textContent!.trim())?.tagName);
    expect(first).toBe('H1');
    await tab.emulateMedia({ media: 'screen' });
    await expect(printed.isVisible()).resolves.toBe(false);
    await expect(tab.locator('.site-header').isVisible()).resolves.toBe(true);
    await tab.close();
  });

  it('prints no control that does nothing on paper, numbers each reference once, and lets cards break across pages', async () => {
    const tab = await env.browser.newPage();
    for (const url of [sectionWithReferences(), '/references/']) {
      await tab.emulateMedia({ media: 'print' });
      await tab.goto(env.site.url(url));
      const controls = await tab.locator('button, summary, select, input, a[download], a.pl, [role="status"]').evaluateAll((els) => els.filter((el) => el.checkVisibility()).map((el) => el.outerHTML.slice(0, 80)));
      expect(controls, url).toEqual([]);
      const numbering = await tab.locator('.references-cited ol, ol.references').evaluateAll((ols) => ols.map((ol) => getComputedStyle(ol).listStyleType));
      expect(numbering.length, url).toBeGreaterThan(0);
      expect(numbering.filter((t) => t !== 'none'), url).toEqual([]);
      const entry = (await tab.locator('.references-cited li, ol.references li').first().innerText()).trim();
      expect(entry).toMatch(/^\[\d+\] /);
      await expect(tab.locator('.card').evaluateAll((cards) => cards.filter((c) => getComputedStyle(c).breakInside === 'avoid').length)).resolves.toBe(0);
      // On screen too, the number shows once.
      await tab.emulateMedia({ media: 'screen' });
      expect(await tab.locator('.references-cited ol, ol.references').first().evaluate((ol) => getComputedStyle(ol).listStyleType)).toBe('none');
    }
    // Printed from a phone, a study card's facts (folded on its screen) are on paper, without the fold's summary.
    await tab.setViewportSize({ width: 375, height: 800 });
    await tab.emulateMedia({ media: 'print' });
    await tab.goto(env.site.url('/sections/cathode-chalcogens/'));
    const facts = await tab.locator('aside.study dd').evaluateAll((dds) => dds.map((dd) => dd.checkVisibility()));
    expect(facts.length).toBeGreaterThan(10);
    expect(facts.filter((shown) => !shown)).toEqual([]);
    await expect(tab.locator('aside.study summary').evaluateAll((els) => els.filter((el) => el.checkVisibility()).length)).resolves.toBe(0);
    await tab.close();
  });
});

describe('diagrams and abbreviations in the built pages', () => {
  it('every diagram (inline SVG, or HTML chart) has a name and points to a text equivalent on its page', () => {
    let count = 0;
    for (const p of pages())
      for (const chart of p.dom.querySelectorAll('main svg, main .diagram [aria-details]')) {
        if (chart.closest('.katex')) continue;
        count += 1;
        const where = `${p.url} ${chart.tagName} ${chart.getAttribute('aria-labelledby') ?? chart.getAttribute('aria-label') ?? ''}`;
        const labelledBy = chart.getAttribute('aria-labelledby');
        const name = chart.tagName.toLowerCase() === 'svg'
          ? chart.childNodes.find((c) => 'tagName' in c && (c as { tagName: string }).tagName === 'TITLE')?.textContent
          : (chart.getAttribute('aria-label') ?? (labelledBy ? p.dom.getElementById(labelledBy)?.textContent : undefined));
        expect(name?.trim(), where).toBeTruthy();
        const details = chart.getAttribute('aria-details');
        expect(details, where).toBeTruthy();
        const equivalent = p.dom.getElementById(details!);
        expect(equivalent?.tagName, where).toMatch(/^(TABLE|OL|UL|DL)$/);
        expect(equivalent!.textContent.trim().length, where).toBeGreaterThan(20);
      }
    expect(count).toBeGreaterThan(5);
  });

  it('draws each cell, the multi-step pathways, a timeline mark per study and a linked matrix', () => {
    const cells = builtPage('/cells/').dom;
    const drawn = cells.querySelectorAll('.cell-diagram');
    expect(drawn.length).toBe(cells.querySelectorAll('#cells-table tbody tr').length);
    for (const cell of drawn) expect(cell.querySelectorAll('.cell-part dt').map((dt) => dt.textContent)).toEqual(['Working electrode', 'Electrolyte', 'Counter electrode']);
    // The cells' formulas are set as the text's are, a subscript with no Unicode character of its own included.
    expect(drawn.map((cell) => cell.innerHTML).join('')).toContain('LiN<sub><i>x</i></sub>O<sub><i>y</i></sub>');
    expect(drawn.map((cell) => cell.textContent).join('')).not.toMatch(/[\u2080-\u209c]/);
    const titles = builtPage('/reactions/').dom.querySelectorAll('.pathway [role=img]').map((chain) => {
      expect(builtPage('/reactions/').dom.getElementById(chain.getAttribute('aria-details')!)?.tagName).toBe('OL');
      return chain.getAttribute('aria-label');
    });
    expect(titles).toEqual(expect.arrayContaining([expect.stringContaining('LiCoO₂ → CoO + Li₂O → Co + Li₂O'), expect.stringContaining('LiTiS₂ → TiS → Ti₂S → Ti'), expect.stringContaining('Au → LiAu₃ → Li₃Au → LiAu₃ → Au'), expect.stringContaining('LiO₂ → Li₂O₂ + O₂ → LiO₂ + Li⁺ + e⁻')]));
    // Shown, the species are set as the text's formulas are: <sub> and <sup>, neither Unicode scripts nor KaTeX.
    const shown = builtPage('/reactions/').dom.querySelectorAll('.pathway .chain, .pathway + .diagram-list');
    expect(shown.length).toBe(2 * titles.length);
    for (const part of shown) {
      expect(part.textContent).not.toMatch(/[\u2070-\u209f]/);
      expect(part.querySelector('.katex')).toBeNull();
    }
    expect(shown.map((part) => part.innerHTML).join('')).toContain('e<sup>−</sup>');
    const studies = builtPage('/studies/').dom;
    const marks = studies.querySelectorAll('.timeline-chart a').map((a) => a.getAttribute('href'));
    const rows = studies.querySelectorAll('table.explorer tbody th a').map((a) => a.getAttribute('href'));
    expect(new Set(marks)).toEqual(new Set(rows));
    const matrix = builtPage('/matrix/').dom;
    const links = matrix.querySelectorAll('.matrix svg a').map((a) => a.getAttribute('href')!);
    expect(links.length).toBeGreaterThan(40);
    for (const href of links) {
      if (href.startsWith('#')) expect(matrix.getElementById(href.slice(1)), href).toBeTruthy();
      else expect(rows, href).toContain(href);
    }
  });

  it('marks the first use of each abbreviation on a prose page, and only it, with its expansion and a link to its glossary entry or its page', () => {
    const glossary = builtPage('/glossary/').dom;
    const terms = glossary.querySelectorAll('dt[id]');
    const prose = pages().filter((p) => /^\/(sections|studies|materials|techniques|cells)\/./.test(p.url));
    let count = 0;
    for (const p of prose) {
      const ids = p.dom.querySelectorAll('main a > abbr').map((abbr) => {
        const href = abbr.parentNode!.getAttribute('href')!;
        // The glossary entry, or the page of a material, technique or cell that a link written in the text gives it.
        expect(href, p.url).toMatch(/^\/(glossary\/#[a-z0-9-]+|(materials|techniques|cells)\/[a-z0-9-]+\/)$/);
        const entry = href.startsWith('/glossary/#')
          ? glossary.getElementById(href.slice('/glossary/#'.length))
          : terms.find((dt) => [dt.textContent, `${dt.textContent}s`].includes(abbr.textContent));
        expect(entry?.tagName, `${p.url} ${href}`).toBe('DT');
        expect([entry!.textContent, `${entry!.textContent}s`], `${p.url} ${href}`).toContain(abbr.textContent);
        expect(abbr.getAttribute('title'), `${p.url} ${href}`).toBeTruthy();
        expect(abbr.closest('h1, h2, h3, h4, h5, h6, nav, .katex, [data-pagefind-ignore]'), `${p.url} ${href}`).toBeNull();
        return entry!.id;
      });
      expect(ids.length, `${p.url} marks an abbreviation twice`).toBe(new Set(ids).size);
      count += ids.length;
    }
    expect(count).toBeGreaterThan(200);

    // A section: the lede's "TEM" is the first use of TEM, linked to the technique's page that a link written later
    // in the text gives it (that link is then set as text); ASSLB and a written term link are marked too.
    const section = builtPage('/sections/cathode-oxides-polyanionic/').dom;
    const tem = section.querySelector('main a[href="/techniques/tem/"] > abbr')!;
    expect(tem.getAttribute('title')).toBe('transmission electron microscopy');
    expect(tem.closest('p')?.getAttribute('class')).toBe('lede');
    const asslb = section.querySelector('main a[href="/glossary/#asslb"] > abbr')!;
    expect(asslb.textContent).toBe('ASSLB');
    expect(asslb.getAttribute('title')).toBe('all solid-state lithium battery');
    // In reading order, of every ASSLB in the prose, the first is the marked one and no other is.
    for (const word of [/\bASSLBs?\b/, /\bTEM\b/]) {
      const places = prosePlaces(section.querySelector('main')!, word);
      expect(places.length, String(word)).toBeGreaterThan(1);
      expect(places[0], String(word)).toBe('marked');
      expect(places.slice(1), String(word)).not.toContain('marked');
    }
    expect(section.querySelector('main a[href="/glossary/#lco"] > abbr[title="LiCoO2"]')?.textContent).toBe('LCO');
  });
});

describe('numbers and units', () => {
  it('keeps a number and its unit on one line, in the Markdown bodies and the data records alike', () => {
    // A few of the edition's units, written out here rather than taken from src/lib/units.ts.
    const loose = /\d (?:nm|µm|mAh|mA|MPa|min|mbar)(?![\p{L}])|\b(?:mAh|mA) (?:g|cm)\b/u;
    const prose = pages().filter((p) => /^\/(sections|studies|materials|cells|techniques)\/./.test(p.url));
    let bound = 0;
    for (const p of prose) {
      const text = p.dom.querySelector('main')!.textContent;
      expect(loose.exec(text)?.[0], p.url).toBeUndefined();
      bound += text.match(/\d\u00A0(?:nm|µm|mAh|MPa)/gu)?.length ?? 0;
    }
    expect(bound).toBeGreaterThan(100);
    // A compound unit in a section's Markdown; a unit after a number's exponent there and in a study's table.
    expect(builtPage('/sections/li-metal-anodes/').html).toContain('3860\u00A0mAh\u00A0g<sup>−1</sup>');
    expect(builtPage('/sections/li-growth-and-stress/').html).toContain('10<sup>−2</sup>\u00A0mbar');
    expect(builtPage('/studies/ma-li-llzo-interphase/').html).toContain('10<sup>−4</sup>\u00A0S\u00A0cm<sup>−1</sup>');
  });
});

describe('inline lists', () => {
  it('never starts a line with the dot between two items: a no-break space comes before it', () => {
    let dots = 0;
    for (const p of pages()) {
      const text = p.dom.querySelector('body')!.textContent;
      expect(/[ \t\n]·/.exec(text)?.index, p.url).toBeUndefined();
      dots += text.match(/\u00A0·/g)?.length ?? 0;
    }
    expect(dots).toBeGreaterThan(100);
  });

  it('lists labels of the vocabulary (a material\'s roles, a study\'s processes) as items, not joined by commas with a capital mid-phrase', () => {
    const labelled = (pattern: RegExp, term: string) =>
      pages().filter((p) => pattern.test(p.url)).flatMap((p) => p.dom.querySelectorAll('main dt').filter((dt) => dt.textContent === term).map((dt) => dt.nextElementSibling!.textContent));
    const roles = labelled(/^\/materials\/[^/]+\/$/, 'Role');
    const steps = labelled(/^\/(studies|sections)\/[^/]+\/$/, 'Process');
    expect(roles.length).toBeGreaterThan(50);
    expect(steps.length).toBeGreaterThan(80);
    expect([...roles, ...steps].filter((r) => /, [A-Z]/.test(r))).toEqual([]);
    expect(builtPage('/materials/li2s/').html).toContain('<dt>Role</dt><dd>Cathode\u00A0· Interphase or reaction product</dd>');
    expect(builtPage('/studies/tan-li2s-graphene/').html).toContain('<dd>Delithiation\u00A0· Lithiation\u00A0· Cycling</dd>');
  });

  it('keeps each count of the front page on one line with what it counts', () => {
    const items = builtPage('/').dom.querySelector('main h2#contents')!.previousElementSibling!.textContent.split('\u00A0· ').map((s) => s.trim());
    // Seven counts, then the glossary and the data, which are not counted.
    expect(items).toHaveLength(9);
    expect(items.slice(0, 7).filter((item) => !/^\d+\u00A0[a-z]/.test(item))).toEqual([]);
  });
});

describe('quotes and apostrophes', () => {
  it('are curly in the text of every page, whether it came from MDX, a record or a template', () => {
    let curly = 0;
    for (const p of pages()) {
      const body = parse(p.dom.querySelector('body')!.toString()); // a copy: the shared page stays whole
      for (const code of body.querySelectorAll('pre, code, kbd, script, noscript, style')) code.remove();
      const text = body.textContent;
      expect(/.{0,30}(?:["`]|(?<=\w)'|'(?=\w)).{0,30}/.exec(text)?.[0], p.url).toBeUndefined();
      curly += text.match(/[“”’]/g)?.length ?? 0;
    }
    expect(curly).toBeGreaterThan(1000);
    // A record's note, a template's text and a reference page's note.
    expect(builtPage('/studies/rgo-layered-host/').dom.querySelector('main')!.textContent).toContain('(printed “L2O” in the review)');
    expect(builtPage('/').dom.querySelector('footer')!.textContent).toContain('are the review’s.');
    expect(builtPage('/references/176/').dom.querySelector('main')!.textContent).toContain('Pages are printed “n/a-n/a”');
  });
});

describe('quotations', () => {
  it('sets a quote within a quoted sentence in single quotation marks', () => {
    const quotes = pages().filter((p) => p.url.startsWith('/references/')).flatMap((p) => p.dom.querySelectorAll('main q').map((q) => q.textContent));
    expect(quotes.length).toBeGreaterThan(200);
    expect(quotes.filter((q) => /[“”]/.test(q))).toEqual([]);
    expect(builtPage('/references/12/').dom.querySelectorAll('main q').map((q) => q.textContent).join(' ')).toContain('the ‘holy grail’ among anodes');
  });
});

/** The page that holds the whole edition. */
const whole = () => builtPage('/edition/');

describe('the whole edition', () => {
  it('holds every section once, in reading order, under the contents, with ids unique on the page and the references once at the end', () => {
    const dom = whole().dom;
    const ids = dom.querySelectorAll('[id]').map((el) => el.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const sectionPages = pages().filter((p) => /^\/sections\/[^/]+\/$/.test(p.url));
    const parts = dom.querySelectorAll('section.edition-section');
    expect(parts.length).toBe(sectionPages.length);
    // The contents list them in the order the page holds them, and that order is the pages' prev/next chain.
    const contents = dom.querySelectorAll('.edition-contents-list a').map((a) => a.getAttribute('href')!.slice(1));
    expect(contents).toEqual([...parts.map((s) => s.getAttribute('aria-labelledby')!), 'references']);
    for (const [i, s] of parts.entries()) {
      const own = builtPage(`/sections/${s.getAttribute('aria-labelledby')}/`).dom;
      expect(s.querySelector('h2, h3')!.textContent).toBe(own.querySelector('h1')!.textContent);
      const next = own.querySelector('a[rel=next]')?.getAttribute('href');
      if (i + 1 < parts.length) expect(next).toBe(`/sections/${parts[i + 1]!.getAttribute('aria-labelledby')}/`);
      // The section's own text, each reaction and study card of it, once.
      for (const r of own.querySelectorAll('.reaction')) expect(s.querySelectorAll(`[id="${s.getAttribute('aria-labelledby')}--${r.id}"]`).length).toBe(1);
    }
    // Every citation leads to the one list at the end, whose entries lead back to each citation.
    const lists = dom.querySelectorAll('.references-cited');
    expect(lists.length).toBe(1);
    const entries = new Set(lists[0]!.querySelectorAll('li[id^="ref-"]').map((li) => li.id));
    expect(entries.size).toBe(pages().filter((p) => /^\/references\/\d+\/$/.test(p.url)).length);
    const citations = dom.querySelectorAll('.edition-section .cite a').map((a) => a.getAttribute('href')!.slice(1));
    expect(citations.length).toBeGreaterThan(300);
    expect(citations.filter((c) => !entries.has(c))).toEqual([]);
    for (const back of lists[0]!.querySelectorAll('a.back, .back a')) expect(ids).toContain(back.getAttribute('href')!.slice(1));
    // Linked from the front page, with the EPUB.
    const home = builtPage('/').dom;
    expect(home.querySelector('a[href="/edition/"]')).not.toBeNull();
    expect(home.querySelector('a[href="/edition.epub"]')).not.toBeNull();
  });

  it('prints a title page (title, authors, version, URL, how to cite), its contents and text with no control, and formulas that read right in the PDF', { timeout: 120_000 }, async () => {
    const tab = await env.browser.newPage();
    const problems = watch(tab, env.site.origin);
    await tab.goto(env.site.url('/edition/'));
    await tab.emulateMedia({ media: 'print' });
    const controls = await tab.locator('button, summary, input, .site-header, .pager, .screen-only, [data-search], #theme-toggle').evaluateAll((els) => els.filter((el) => el.getClientRects().length > 0).map((el) => el.outerHTML.slice(0, 80)));
    expect(controls).toEqual([]);
    await expect(tab.locator('.edition-contents-list').isVisible()).resolves.toBe(true);
    const pdf = await tab.pdf({ format: 'A4' });
    await tab.close();
    expect(problems).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'edition-pdf-'));
    writeFileSync(join(dir, 'whole.pdf'), pdf);
    const text = (first: number, last?: number) => execFileSync('pdftotext', ['-f', String(first), ...(last ? ['-l', String(last)] : []), join(dir, 'whole.pdf'), '-'], { encoding: 'utf8' });
    const title = text(1, 1).replace(/\s+/g, ' ');
    const dom = whole().dom;
    const site = dom.querySelector('meta[name="DC.identifier"]')!.getAttribute('content')!;
    for (const expected of [dom.querySelector('h1')!.textContent, 'Yong Cheng', 'Jianyu Huang', `Version ${JSON.parse(readFileSync('package.json', 'utf8')).version}`, site, 'How to cite'])
      expect(title).toContain(expected);
    // The title page stands alone: the contents begin on page 2.
    expect(title).not.toContain('Contents');
    const all = text(1);
    // No page but the last is left half empty (a card or table that would not break, a forced break): the lowest
    // word of each reaches past the middle of the page.
    const boxes = execFileSync('pdftotext', ['-bbox', join(dir, 'whole.pdf'), '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const filled = [...boxes.matchAll(/<page width="[\d.]+" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map(([, height, words]) =>
      Math.max(0, ...[...words!.matchAll(/yMax="([\d.]+)"/g)].map((m) => Number(m[1]))) / Number(height));
    expect(filled.length).toBeGreaterThan(20);
    expect(filled.slice(0, -1).map((f, i) => [i + 1, f]).filter(([, f]) => f! < 0.5)).toEqual([]);
    rmSync(dir, { recursive: true });
    // mhchem's placeholder and KaTeX's zero-width spaces stay out of the text layer; its arrows are in it, and no
    // space after a subscript splits a formula ("Li2 O").
    expect(all).toContain('Li + LiCoO2 → CoO + Li2O');
    expect(all).toContain('Li+ + e− + O2 → LiO2');
    expect(all).toContain('8 Li2S → S8 + 16 Li');
    expect(all).not.toMatch(/LiCoOX|\u200b/);
  });
});

describe('the EPUB', () => {
  it('is an EPUB 3: mimetype first and stored, a package document, a navigation document, and every chapter of the whole page as well-formed XHTML with MathML equations', async () => {
    const bytes = readFileSync(join(distDir, 'edition.epub'));
    // The first local file header: "PK\3\4", compression method 0 (stored), the name "mimetype", then its content.
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    expect(bytes.readUInt16LE(8)).toBe(0);
    const nameLength = bytes.readUInt16LE(26);
    expect(bytes.subarray(30, 30 + nameLength).toString()).toBe('mimetype');
    expect(bytes.subarray(30 + nameLength + bytes.readUInt16LE(28), 30 + nameLength + bytes.readUInt16LE(28) + 20).toString()).toBe('application/epub+zip');
    const files = Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
    expect(Object.keys(files)[0]).toBe('mimetype');

    // Parsed as XML by the browser: a file that is not well-formed yields a <parsererror>.
    const tab = await env.browser.newPage();
    const read = (xml: string, type: 'application/xml' | 'application/xhtml+xml') =>
      tab.evaluate(([x, t]) => {
        const doc = new DOMParser().parseFromString(x!, t as DOMParserSupportedType);
        const error = doc.getElementsByTagName('parsererror')[0]?.textContent ?? null;
        const attr = (sel: string, a: string) => [...doc.querySelectorAll(sel)].map((el) => el.getAttribute(a) ?? '');
        return {
          error,
          rootfiles: attr('rootfile', 'full-path'),
          items: [...doc.querySelectorAll('manifest > item')].map((el) => ({ id: el.id, href: el.getAttribute('href')!, type: el.getAttribute('media-type')!, props: el.getAttribute('properties') ?? '' })),
          spine: attr('spine > itemref', 'idref'),
          version: doc.documentElement.getAttribute('version'),
          nav: attr('nav', 'epub:type'),
          links: attr('a[href]', 'href'),
          ids: attr('[id]', 'id'),
          math: doc.getElementsByTagNameNS('http://www.w3.org/1998/Math/MathML', 'math').length,
          katex: doc.querySelectorAll('.katex, .katex-html, script, button').length,
          folds: doc.querySelectorAll('details, summary').length,
          facts: doc.querySelectorAll('aside.study dd').length,
          heading: doc.querySelector('h1, h2, h3')?.textContent ?? '',
        };
      }, [xml, type] as const);
    const container = await read(files['META-INF/container.xml']!, 'application/xml');
    expect(container.error).toBeNull();
    expect(container.rootfiles).toEqual(['OEBPS/content.opf']);
    const opf = await read(files['OEBPS/content.opf']!, 'application/xml');
    expect(opf.error).toBeNull();
    expect(opf.version).toBe('3.0');
    expect(opf.items.filter((i) => i.props.includes('nav')).map((i) => i.href)).toEqual(['nav.xhtml']);
    for (const idref of opf.spine) expect(opf.items.map((i) => i.id)).toContain(idref);
    // Every file of the book is in the manifest, and every document is in the spine.
    expect(Object.keys(files).filter((f) => f.startsWith('OEBPS/') && f !== 'OEBPS/content.opf').sort()).toEqual(opf.items.map((i) => `OEBPS/${i.href}`).sort());
    expect(opf.items.filter((i) => i.type === 'application/xhtml+xml').map((i) => i.id).sort()).toEqual([...opf.spine].sort());

    // A chapter for each section of the whole page, in its order, titled as it is; each well-formed, MathML where
    // the section shows equations, none of KaTeX's HTML, scripts or buttons; every in-book link lands on an id.
    const sections = whole().dom.querySelectorAll('section.edition-section');
    const chapters = opf.spine.map((id) => opf.items.find((i) => i.id === id)!.href).filter((h) => !['title.xhtml', 'nav.xhtml', 'references.xhtml'].includes(h));
    expect(chapters).toEqual(sections.map((s) => `${s.getAttribute('aria-labelledby')}.xhtml`));
    const docs = new Map<string, Awaited<ReturnType<typeof read>>>();
    for (const item of opf.items.filter((i) => i.type === 'application/xhtml+xml')) {
      const doc = await read(files[`OEBPS/${item.href}`]!, 'application/xhtml+xml');
      expect(doc.error, item.href).toBeNull();
      expect(doc.katex, item.href).toBe(0);
      // A study card's facts, folded on a phone's screen, are open in the book.
      expect(doc.folds, item.href).toBe(0);
      expect(item.props.includes('mathml'), item.href).toBe(doc.math > 0);
      docs.set(item.href, doc);
    }
    expect(docs.get('nav.xhtml')!.nav).toEqual(['toc']);
    for (const [i, s] of sections.entries()) {
      const doc = docs.get(chapters[i]!)!;
      expect(doc.heading).toBe(s.querySelector('h2, h3')!.textContent);
      expect(doc.math).toBe(s.querySelectorAll('.katex').length);
      expect(doc.facts).toBe(s.querySelectorAll('aside.study dd').length);
    }
    expect(docs.get('references.xhtml')!.ids.filter((id) => id.startsWith('ref-')).length).toBe(whole().dom.querySelectorAll('.references-cited li').length);
    for (const [file, doc] of docs)
      for (const href of doc.links.filter((h) => !/^https?:/.test(h))) {
        const [target, id] = href.split('#') as [string, string | undefined];
        const into = docs.get(target || file);
        expect(into, `${file}: ${href}`).toBeDefined();
        if (id) expect(into!.ids, `${file}: ${href}`).toContain(id);
      }
    await tab.close();
  });
});

describe('one style for formulas', () => {
  const scripts = /[₀-₉⁰-⁹₊₋⁺⁻ₓₙ]/;
  it('headings, the on-page contents and the matrix set sub- and superscripts as markup, as the text does; Unicode only where markup cannot go', () => {
    const visible = (el: HTMLElement) => el.textContent;
    for (const p of pages()) {
      const places = p.dom.querySelectorAll('main h1, main h2, main h3, main h4, .toc a, ol.contents a, .matrix text');
      expect(places.filter((el) => scripts.test(visible(el))).map((el) => `${p.url}: ${el.textContent}`)).toEqual([]);
    }
    const section = builtPage('/sections/cathode-oxides-polyanionic/').dom;
    // Its anchor was made from the Unicode heading and stays as published.
    expect(section.querySelector('h2#layered-licoo-lco')!.innerHTML).toContain('LiCoO<sub>2</sub>');
    expect(section.querySelector('.toc a[href="#layered-licoo-lco"]')!.innerHTML).toContain('LiCoO<sub>2</sub>');
    expect(section.querySelector('title')!.textContent).not.toContain('<sub>');
    expect(builtPage('/matrix/').dom.querySelectorAll('.matrix text tspan[baseline-shift="sub"]').length).toBeGreaterThan(20);
  });

  it('shows the reactions of a pathway once in a section: the equations, then the pathway as their compact view', () => {
    const section = builtPage('/sections/cathode-oxides-polyanionic/').dom;
    const chain = section.querySelector('.pathway .chain')!;
    expect(chain.getAttribute('aria-label')).toContain('LiCoO₂');
    expect(section.querySelectorAll('.pathway + .diagram-list, ol.diagram-list').length).toBe(0);
    for (const id of ['lco-overlithiation-1', 'lco-overlithiation-2']) expect(section.querySelectorAll(`[id="${id}"] .katex-display`).length).toBe(1);
    expect(section.querySelectorAll('.katex-display').length).toBe(section.querySelectorAll('.reaction').length);
  });
});
