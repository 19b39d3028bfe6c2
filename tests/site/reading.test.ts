// The reading experience in Chromium: no sideways scrolling at phone, tablet and desktop widths, a theme toggle
// that persists and is applied before the first paint, a print view with the references and the URL, and diagrams
// that carry a title and a text equivalent.
import { readFileSync } from 'node:fs';
import { HTMLElement, NodeType, parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { page as builtPage, extremesOfEveryKind, pages, pagesByKind } from './dist';
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

  it('is set by a blocking external script, the first script of every page', () => {
    for (const p of pages()) {
      const script = p.dom.querySelector('head script[src]');
      expect(script?.getAttribute('src'), p.url).toMatch(/\/theme\.js$/);
      expect(script?.hasAttribute('defer') || script?.hasAttribute('async') || script?.getAttribute('type') === 'module', p.url).toBe(false);
      expect(p.html.indexOf('theme.js'), p.url).toBeLessThan(p.html.indexOf('rel="stylesheet"'));
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
    // Each chain's steps are listed in text, unless the list would only repeat the chain's name (one equation,
    // no step taking anything in besides).
    let listed = 0;
    const titles = builtPage('/reactions/').dom.querySelectorAll('.pathway [role=img]').map((chain) => {
      const steps = chain.querySelectorAll('.step').map((s) => s.textContent);
      if (new Set(steps).size > 1 || steps.some((s) => s.includes('+'))) {
        expect(builtPage('/reactions/').dom.getElementById(chain.getAttribute('aria-details')!)?.tagName).toBe('OL');
        listed++;
      } else expect(chain.hasAttribute('aria-details')).toBe(false);
      return chain.getAttribute('aria-label');
    });
    expect(titles).toEqual(expect.arrayContaining([expect.stringContaining('LiCoO₂ → CoO + Li₂O → Co + Li₂O'), expect.stringContaining('LiTiS₂ → TiS → Ti₂S → Ti'), expect.stringContaining('Au → LiAu₃ → Li₃Au → LiAu₃ → Au'), expect.stringContaining('LiO₂ → Li₂O₂ + O₂ → LiO₂ + Li⁺ + e⁻')]));
    // Shown, the species are set as the text's formulas are: <sub> and <sup>, neither Unicode scripts nor KaTeX.
    const shown = builtPage('/reactions/').dom.querySelectorAll('.pathway .chain, .pathway + .diagram-list');
    expect(shown.length).toBe(titles.length + listed);
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
