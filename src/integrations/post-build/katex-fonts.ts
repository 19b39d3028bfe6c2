// KaTeX's fonts cut down to the characters the built pages set in them. Which face sets a character is decided by
// KaTeX's stylesheet (`.katex` → KaTeX_Main, `.mathnormal` → KaTeX_Math italic, `.delimsizing.size1` → KaTeX_Size1 …):
// the stylesheet's font rules are applied to each page's math as a browser cascades them, and each character is
// counted for the face its element's family, style and weight select. The faces are then subset with HarfBuzz's
// subsetter (`subset-font`), still woff2.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { parse, type HTMLElement, type Node } from 'node-html-parser';
import type { Declaration, FontWeight, Rule, Selector } from 'lightningcss';
import subsetFont from 'subset-font';
import { contentHash, hashedStem } from './hashed-names';
import { ownedByKatex, topLevelRules } from './katex-css';
import type { Stage } from './stage';
import { stylesheetLink } from './stylesheets';

/** An `@font-face` rule of KaTeX's: the face it declares and the font file it names. */
export interface KatexFace {
  family: string;
  style: 'normal' | 'italic' | 'oblique';
  weight: number;
  /** The `url()` of its source, as written. */
  url: string;
}

/** What one style rule of KaTeX's says about fonts, for one of its selectors. */
interface FontRule {
  selector: string;
  /** [ids, classes, types], compared in that order. */
  specificity: [number, number, number];
  /** Position in the stylesheet: a later rule wins a tie. */
  order: number;
  important: boolean;
  family?: string;
  style?: KatexFace['style'];
  weight?: number;
}

/** The font rules and faces of KaTeX's stylesheet, read once. */
export interface KatexFontModel {
  faces: KatexFace[];
  rules: FontRule[];
}

const styleOf = (s: { type: KatexFace['style'] }): KatexFace['style'] => s.type;

function weightOf(w: FontWeight, where: string): number {
  if (w.type === 'absolute') return w.value.type === 'weight' ? w.value.value : w.value.type === 'bold' ? 700 : 400;
  throw new Error(`katex-fonts: ${where} sets a relative font-weight (${w.type}), which this stage does not resolve`);
}

/** The family, style and weight a declaration sets, if it sets any (`font` sets all three). */
function fontOf(d: Declaration, where: string): Pick<FontRule, 'family' | 'style' | 'weight'> | undefined {
  switch (d.property) {
    case 'font':
      return { ...(d.value.family[0] ? { family: d.value.family[0] } : {}), style: styleOf(d.value.style), weight: weightOf(d.value.weight, where) };
    case 'font-family':
      return d.value[0] ? { family: d.value[0] } : {};
    case 'font-style':
      return { style: styleOf(d.value) };
    case 'font-weight':
      return { weight: weightOf(d.value, where) };
    default:
      return undefined;
  }
}

/** A selector as text a selector engine reads, and its specificity; throws on a part KaTeX's font rules do not use. */
function selectorText(selector: Selector, where: string): { text: string; specificity: [number, number, number] } {
  let text = '';
  const spec: [number, number, number] = [0, 0, 0];
  for (const c of selector) {
    if (c.type === 'class') (text += `.${c.name}`), spec[1]++;
    else if (c.type === 'type') (text += c.name), spec[2]++;
    else if (c.type === 'universal') text += '*';
    else if (c.type === 'combinator' && (c.value === 'descendant' || c.value === 'child')) text += c.value === 'child' ? '>' : ' ';
    else throw new Error(`katex-fonts: ${where} has a selector part (${c.type}) that this stage does not match`);
  }
  return { text, specificity: spec };
}

/**
 * Reads KaTeX's `@font-face` rules and those of its style rules (all of whose selectors name a class of KaTeX's) that
 * set a font family, style or weight; the site's own rules are left out.
 */
export function katexFontModel(css: string): KatexFontModel {
  const faces: KatexFace[] = [];
  const rules: FontRule[] = [];
  let order = 0;
  const visit = (rule: Rule) => {
    if (rule.type === 'font-face') {
      const props = rule.value.properties;
      const family = props.find((p) => p.type === 'font-family')?.value;
      if (typeof family !== 'string' || !family.startsWith('KaTeX_')) return;
      const style = props.find((p) => p.type === 'font-style')?.value;
      const weight = props.find((p) => p.type === 'font-weight')?.value;
      const src = props.find((p) => p.type === 'source')?.value ?? [];
      const urls = src.flatMap((s) => (s.type === 'url' ? [s.value.url.url] : []));
      if (urls.length !== 1) throw new Error(`katex-fonts: the @font-face of ${family} names ${urls.length} files; one (woff2) is expected`);
      const where = `the @font-face of ${family}`;
      faces.push({ family, style: style ? styleOf(style) : 'normal', weight: weight ? weightOf(weight[0], where) : 400, url: urls[0]! });
    } else if (ownedByKatex(rule)) {
      const where = `a rule of KaTeX's stylesheet (${rule.value.selectors.length} selectors)`;
      const sets = (list: Declaration[], important: boolean) =>
        list.flatMap((d) => {
          const font = fontOf(d, where);
          return font ? [{ ...font, important }] : [];
        });
      const decls = [...sets(rule.value.declarations?.declarations ?? [], false), ...sets(rule.value.declarations?.importantDeclarations ?? [], true)];
      order++;
      for (const d of decls)
        for (const s of rule.value.selectors) {
          const { text, specificity } = selectorText(s, where);
          rules.push({ selector: text, specificity, order, ...d });
        }
    } else if (rule.type === 'media' || rule.type === 'supports' || rule.type === 'layer-block') {
      // Conditional rules apply on some screens only: a face they select must be subset too.
      for (const r of rule.value.rules) visit(r);
    }
  };
  for (const { rule } of topLevelRules(css)) if (rule) visit(rule);
  return { faces, rules };
}

/** Whether a declaration of `a` wins over one of `b` for the same element and property, as the cascade decides. */
function outranks(a: FontRule, b: FontRule): boolean {
  if (a.important !== b.important) return a.important;
  for (let i = 0; i < 3; i++) if (a.specificity[i] !== b.specificity[i]) return a.specificity[i]! > b.specificity[i]!;
  return a.order > b.order;
}

/**
 * The face CSS font matching picks among `faces` (one family's) for a style and weight: the style first (italic
 * falls back to oblique, then normal; normal to oblique, then italic), then the nearest weight as CSS Fonts 4 §5.2
 * orders them.
 */
export function matchFace(faces: readonly KatexFace[], style: KatexFace['style'], weight: number): KatexFace | undefined {
  const styleOrder: KatexFace['style'][] = style === 'normal' ? ['normal', 'oblique', 'italic'] : style === 'italic' ? ['italic', 'oblique', 'normal'] : ['oblique', 'italic', 'normal'];
  const ofStyle = styleOrder.map((s) => faces.filter((f) => f.style === s)).find((list) => list.length) ?? [];
  const below = ofStyle.filter((f) => f.weight < weight).sort((a, b) => b.weight - a.weight);
  const above = ofStyle.filter((f) => f.weight > weight).sort((a, b) => a.weight - b.weight);
  const exact = ofStyle.filter((f) => f.weight === weight);
  const order =
    weight >= 400 && weight <= 500
      ? [...exact, ...above.filter((f) => f.weight <= 500), ...below, ...above.filter((f) => f.weight > 500)]
      : weight < 400
        ? [...exact, ...below, ...above]
        : [...exact, ...above, ...below];
  return order[0];
}

/**
 * The characters each KaTeX face sets on a page, by the face's `url()`: the text of KaTeX's visible output
 * (`.katex-html`; its MathML copy is set in the browser's `math` font), each character counted for the face that
 * KaTeX's font rules select for its element. Pure.
 */
export function charactersByFace(html: string, model: KatexFontModel): Map<string, Set<string>> {
  const dom = parse(html, { blockTextElements: { script: true, style: true } });
  const winners = new Map<HTMLElement, { family?: FontRule; style?: FontRule; weight?: FontRule }>();
  for (const rule of model.rules)
    for (const el of dom.querySelectorAll(rule.selector)) {
      const won = winners.get(el) ?? {};
      for (const p of ['family', 'style', 'weight'] as const) if (rule[p] !== undefined && (!won[p] || outranks(rule, won[p]))) won[p] = rule;
      winners.set(el, won);
    }
  const computed = (el: HTMLElement | null): { family: string | undefined; style: KatexFace['style']; weight: number } => {
    if (!el) return { family: undefined, style: 'normal', weight: 400 };
    const up = computed(el.parentNode);
    const won = winners.get(el);
    return { family: won?.family?.family ?? up.family, style: won?.style?.style ?? up.style, weight: won?.weight?.weight ?? up.weight };
  };
  const out = new Map<string, Set<string>>();
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      const el = node.parentNode;
      const font = computed(el);
      const face = font.family ? matchFace(model.faces.filter((f) => f.family === font.family), font.style, font.weight) : undefined;
      if (!face) return;
      const chars = out.get(face.url) ?? new Set<string>();
      for (const ch of node.text.replace(/[\t\n\r\f]/g, ' ')) chars.add(ch);
      out.set(face.url, chars);
    } else for (const child of node.childNodes) walk(child);
  };
  for (const math of dom.querySelectorAll('.katex-html')) walk(math);
  return out;
}

/** A stylesheet with its KaTeX `@font-face` rules for the faces in `keep` pointed at their new files, the others dropped. */
export function rewriteFaces(css: string, keep: ReadonlyMap<string, string>): string {
  return topLevelRules(css)
    .flatMap(({ rule, text }) => {
      if (rule?.type !== 'font-face') return [text];
      const face = katexFontModel(text).faces[0];
      if (!face) return [text];
      const url = keep.get(face.url);
      return url ? [text.replace(face.url, url)] : [];
    })
    .join('');
}

/**
 * KaTeX's fonts, subset. Runs after the stylesheets stage, when a page that shows math links KaTeX's rules (pruned)
 * in a file of its own: from each such page the characters each face sets are gathered; each face some page uses is
 * subset to the characters all pages set in it and written as `<face>.<hash>.woff2`; the stylesheets that declare
 * KaTeX's faces then name those files, and declare no face that no page uses (they are renamed by their new
 * content, and the pages' links follow); KaTeX's original font files go.
 */
export const katexFonts: Stage = {
  name: 'KaTeX fonts',
  async run({ dir, base, pages }) {
    const fileOf = (href: string) => {
      if (!href.startsWith(base)) throw new Error(`katex-fonts: ${href} is not under the base path ${base}`);
      return join(dir, href.slice(base.length));
    };
    const sheets = new Map<string, { css: string; model: KatexFontModel }>();
    const sheet = (href: string) => {
      if (!sheets.has(href)) {
        const css = readFileSync(fileOf(href), 'utf8');
        sheets.set(href, { css, model: katexFontModel(css) });
      }
      return sheets.get(href)!;
    };
    const used = new Map<string, Set<string>>();
    let withMath = 0;
    for (const page of pages) {
      if (!page.html.includes('class="katex')) continue;
      const withFaces = [...page.html.matchAll(stylesheetLink)].map((m) => m[1]!).filter((href) => sheet(href).model.faces.length);
      if (withFaces.length === 0) throw new Error(`katex-fonts: ${relative(dir, page.file)} shows math but links no stylesheet that declares KaTeX's fonts`);
      const model = withFaces.map((href) => sheet(href).model).reduce((a, b) => ({ faces: [...a.faces, ...b.faces], rules: [...a.rules, ...b.rules] }));
      for (const [url, chars] of charactersByFace(page.html, model)) used.set(url, new Set([...(used.get(url) ?? []), ...chars]));
      withMath++;
    }
    // Each face some page uses, subset to the characters of every page (sorted, so that the same pages give the same file).
    const renamed = new Map<string, string>();
    const written = new Set<string>();
    let bytes = 0;
    for (const [url, chars] of [...used].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const file = fileOf(url);
      if (!existsSync(file)) throw new Error(`katex-fonts: KaTeX's stylesheet names ${url}, which the build did not write`);
      const subset = await subsetFont(readFileSync(file), [...chars].sort().join(''), { targetFormat: 'woff2' });
      const name = `${hashedStem(basename(file)).stem}.${contentHash(subset)}.woff2`;
      writeFileSync(join(dirname(file), name), subset);
      written.add(join(dirname(file), name));
      renamed.set(url, url.replace(/[^/]+$/, name));
      bytes += subset.length;
    }
    // The stylesheets that declare KaTeX's faces, rewritten and renamed by their content; the pages' links follow.
    const hrefs = new Map<string, string>();
    for (const [href, { css, model }] of sheets) {
      if (!model.faces.length) continue;
      const out = rewriteFaces(css, renamed);
      const { stem, ext } = hashedStem(basename(href));
      const next = href.replace(/[^/]+$/, `${stem}.${contentHash(out)}.${ext}`);
      rmSync(fileOf(href));
      writeFileSync(fileOf(next), out);
      hrefs.set(href, next);
    }
    for (const page of pages) page.html = page.html.replace(stylesheetLink, (tag, href: string) => (hrefs.has(href) ? tag.replace(href, hrefs.get(href)!) : tag));
    // KaTeX's own font files, which no stylesheet names any more.
    const originals = readdirSync(dir, { recursive: true, withFileTypes: true }).filter(
      (e) => e.isFile() && /^KaTeX_.+\.woff2$/.test(e.name) && !relative(dir, e.parentPath).split(sep).includes('pagefind') && !written.has(join(e.parentPath, e.name)),
    );
    for (const e of originals) rmSync(join(e.parentPath, e.name));
    return `${used.size} of KaTeX's faces set the math of ${withMath} pages, subset to ${(bytes / 1000).toFixed(1)} kB in all; ${originals.length} original font files removed`;
  },
};
