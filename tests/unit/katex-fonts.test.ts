import { readFileSync } from 'node:fs';
import katex from 'katex';
import 'katex/contrib/mhchem';
import { describe, expect, it } from 'vitest';
import { charactersByFace, katexFontModel, matchFace, rewriteFaces, type KatexFace } from '../../src/integrations/post-build/katex-fonts';
import { woff2Only } from '../../src/integrations/katex-woff2';
import { katexOptions } from '../../src/markdown/plugins';

const model = katexFontModel(woff2Only(readFileSync('node_modules/katex/dist/katex.min.css', 'utf8')));
const render = (tex: string, display = false) => `<main>${katex.renderToString(tex, { ...katexOptions, displayMode: display })}</main>`;
/** The characters of each face, by the face's file name without its folder (`KaTeX_Main-Regular.woff2`). */
const byFace = (html: string) => Object.fromEntries([...charactersByFace(html, model)].map(([url, chars]) => [url.replace(/^.*\//, ''), [...chars].sort().join('')]));

describe('the characters each KaTeX face sets', () => {
  it('reads every face and font rule of KaTeX’s stylesheet', () => {
    expect(model.faces).toHaveLength(20);
    expect(model.faces.find((f) => f.url.endsWith('KaTeX_Math-BoldItalic.woff2'))).toMatchObject({ family: 'KaTeX_Math', style: 'italic', weight: 700 });
    expect(model.rules.some((r) => r.selector === '.katex .delimsizing.mult .delim-size1>span' && r.family === 'KaTeX_Size1')).toBe(true);
  });

  it('sets letters in Math italic, upright text and operators in Main, bold in Main bold, \\mathbb in AMS', () => {
    expect(byFace(render('x+\\mathrm{d}=2'))).toEqual({ 'KaTeX_Math-Italic.woff2': 'x', 'KaTeX_Main-Regular.woff2': '+2=d' });
    expect(byFace(render('\\mathbf{v}\\in\\mathbb{R}'))).toEqual({ 'KaTeX_Main-Bold.woff2': 'v', 'KaTeX_Main-Regular.woff2': '∈', 'KaTeX_AMS-Regular.woff2': 'R' });
  });

  it('sets large delimiters and operators in the Size faces, and chemistry as mhchem writes it', () => {
    expect(byFace(render('\\left(\\frac{a}{b}\\right)', true))).toMatchObject({ 'KaTeX_Size2-Regular.woff2': '()', 'KaTeX_Math-Italic.woff2': 'ab' });
    expect(byFace(render('\\sum_i'))).toMatchObject({ 'KaTeX_Size1-Regular.woff2': '∑', 'KaTeX_Math-Italic.woff2': 'i' });
    expect(byFace(render('\\ce{Li2S}'))).toMatchObject({ 'KaTeX_Main-Regular.woff2': expect.stringContaining('L') });
  });

  it('reads only the visible output: the MathML copy is set in the browser’s math font', () => {
    const html = render('y');
    expect(html).toContain('<mi>y</mi>');
    expect(byFace(html)).toEqual({ 'KaTeX_Math-Italic.woff2': 'y' });
  });
});

describe('font matching and the rewritten faces', () => {
  const face = (style: KatexFace['style'], weight: number): KatexFace => ({ family: 'F', style, weight, url: `${style}-${weight}` });
  it('picks the face CSS font matching picks: the style first, then the nearest weight in the specified order', () => {
    const faces = [face('normal', 400), face('normal', 700), face('italic', 400)];
    expect(matchFace(faces, 'normal', 700)?.url).toBe('normal-700');
    expect(matchFace(faces, 'italic', 700)?.url).toBe('italic-400');
    expect(matchFace(faces, 'normal', 600)?.url).toBe('normal-700');
    expect(matchFace(faces, 'normal', 450)?.url).toBe('normal-400');
    expect(matchFace([face('italic', 700)], 'normal', 400)?.url).toBe('italic-700');
  });

  it('points the faces in use at their subsets and drops the others, leaving every other rule as written', () => {
    const css = '@font-face{font-family:KaTeX_Main;src:url(/a/KaTeX_Main-Regular.x.woff2)format("woff2")}@font-face{font-family:KaTeX_Math;font-style:italic;src:url(/a/KaTeX_Math-Italic.y.woff2)format("woff2")}.katex{color:red}';
    expect(rewriteFaces(css, new Map([['/a/KaTeX_Main-Regular.x.woff2', '/a/KaTeX_Main-Regular.z.woff2']]))).toBe(
      '@font-face{font-family:KaTeX_Main;src:url(/a/KaTeX_Main-Regular.z.woff2)format("woff2")}.katex{color:red}',
    );
  });
});
