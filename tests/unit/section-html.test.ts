import { describe, expect, it } from 'vitest';
import { sectionHtml } from '../../src/lib/section-html';

const inPage = new Map([
  ['/sections/cathodes/', 'cathodes'],
  ['/references/83/', 'ref-83'],
]);

describe('a section body on its own page', () => {
  it('sets its headings\' Unicode formulas as the text does, keeping their anchors', () => {
    expect(sectionHtml('<h2 id="layered-licoo-lco">Layered LiCoO₂ (LCO)</h2><p>LiCoO₂ in text stays as written</p>')).toBe(
      '<h2 id="layered-licoo-lco">Layered LiCoO<sub>2</sub> (LCO)</h2><p>LiCoO₂ in text stays as written</p>',
    );
  });
});

describe('a section body on the whole edition\'s page', () => {
  const html = (body: string) => sectionHtml(body, { prefix: 'x', shift: 2, inPage });
  it('prefixes its ids and every reference to them, and leaves ids it does not hold alone', () => {
    expect(html('<p id="p-83">See <a href="#p-83">here</a>, <a href="#ref-83">83</a> <label for="q">q</label><input id="q"></p>')).toBe(
      '<p id="x--p-83">See <a href="#x--p-83">here</a>, <a href="#ref-83">83</a> <label for="x--q">q</label><input id="x--q"></p>',
    );
    expect(html('<div id="a" aria-describedby="a b"></div><button data-copy-tex="a"></button>')).toBe('<div id="x--a" aria-describedby="x--a b"></div><button data-copy-tex="x--a"></button>');
  });
  it('keeps links to the sections and references it holds on the page, and moves headings down', () => {
    expect(html('<h2 id="h">T</h2><h5>deep</h5><a href="/sections/cathodes/">2</a><a href="/sections/cathodes/#p-1">p</a><a href="/references/83/">83</a><a href="/materials/x/">m</a>')).toBe(
      '<h4 id="x--h">T</h4><h6>deep</h6><a href="#cathodes">2</a><a href="#cathodes--p-1">p</a><a href="#ref-83">83</a><a href="/materials/x/">m</a>',
    );
  });
});
