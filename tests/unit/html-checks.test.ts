import { describe, expect, it } from 'vitest';
import { validatePages } from '../../src/lib/checks/html';

const doc = (body: string) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;

describe('html-validate over the built pages', () => {
  it('reports each error with its page, line, column and rule, in page order, across worker threads', { timeout: 30_000 }, async () => {
    // Enough pages for more than one worker; two of them invalid, far apart.
    const pages = Array.from({ length: 300 }, (_, i) => ({ url: `/p${i}/`, file: `p${i}/index.html`, html: doc(`<main><p id="a">${i}</p></main>`) }));
    pages[7]!.html = doc('<main><p id="a">x</p><p id="a">y</p></main>');
    pages[250]!.html = doc('<main><div><span>unclosed</main>');
    const problems = await validatePages(pages);
    expect(new Set(problems.map((p) => p.page))).toEqual(new Set(['/p7/', '/p250/']));
    expect(problems[0]).toMatchObject({ page: '/p7/', rule: 'no-dup-id', line: 1 });
    expect(problems.at(-1)!.page).toBe('/p250/');
    expect(problems.every((p) => p.column > 0 && p.message.length > 0)).toBe(true);
  });

  it('reports markup after </html>, which html-validate lets pass, with its line and column', async () => {
    const html = `${doc('<main><p>ok</p></main>')}\n<script type="module" src="/x.js"></script>\n`;
    expect(await validatePages([{ url: '/s/', file: 's/index.html', html }])).toEqual([
      { page: '/s/', line: 2, column: 1, rule: 'content-after-html', message: `markup after </html>: "<script type="module" src="/x.js"></script>"` },
    ]);
  });

  it('holds a gathering page to every rule but unique-landmark, and every other page to that one too', async () => {
    const html = doc('<main><aside aria-label="Card">a</aside><aside aria-label="Card">b</aside></main>');
    const pages = [{ url: '/whole/', file: 'whole/index.html', html }, { url: '/s/', file: 's/index.html', html }];
    expect((await validatePages(pages, new Set(['/whole/']))).map((p) => `${p.page} ${p.rule}`)).toEqual(['/s/ unique-landmark', '/s/ unique-landmark']);
    const broken = doc('<main><aside aria-label="Card">a</aside><p><div>x</div></p></main>');
    expect((await validatePages([{ url: '/whole/', file: 'whole/index.html', html: broken }], new Set(['/whole/']))).length).toBeGreaterThan(0);
  });

  it('passes valid pages', async () => {
    expect(await validatePages([{ url: '/', file: 'index.html', html: doc('<main><p>ok</p></main>') }])).toEqual([]);
  });
});
