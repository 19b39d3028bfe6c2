import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { parse } from 'node-html-parser';
import { intoHead } from '../../lib/html-head';
import { contentHash, hashedStem } from './hashed-names';
import { pruneKatexCss, splitKatexCss } from './katex-css';
import type { Stage } from './stage';

/** Every class named in a page's `class` attributes (those inside `<noscript>` and `<pre>` too), read by an HTML parser. */
export function classesIn(html: string): Set<string> {
  const dom = parse(html, { blockTextElements: { script: true, style: true } });
  return new Set(dom.querySelectorAll('[class]').flatMap((el) => el.classList.value));
}

/** Every element name in a page's markup (`p`, `svg`, `path` …), read from its tags: what a type selector can match. */
export function elementsIn(html: string): Set<string> {
  return new Set([...html.matchAll(/<([a-zA-Z][\w-]*)/g)].map((m) => m[1]!.toLowerCase()));
}

/** A page's link to a stylesheet, as Astro writes it, with its `href`. */
export const stylesheetLink = /<link rel="stylesheet" href="([^"]+)">/g;

/** What the stylesheets stage does to a build, worked out before anything is written. */
export interface StylesheetPlan {
  /** Each page's HTML, in the order given, linking its stylesheets (a page that links none is as it was). */
  html: string[];
  /** The stylesheets to write: each file's name, the stylesheet it goes beside, and its text. */
  files: { name: string; beside: string; css: string }[];
  /** Astro's stylesheets that no page links any more and no script loads. */
  unused: string[];
  /** How many pages link a second stylesheet, with rules of their own. */
  withOwnRules: number;
  /** How many pages show math (and so link KaTeX's rules). */
  withMath: number;
}

/**
 * At most two stylesheets a page. The first, the page's layout's, holds the site's rules with KaTeX's taken out,
 * the same file on every page, so a reader's browser fetches it once. A page with rules of its own (its
 * components', and KaTeX's where it shows math) links one more file holding those, in the order Astro linked
 * them, KaTeX's pruned to the classes the pages use. A stylesheet Astro wrote that needs no change keeps its name,
 * so that the search page and the search dialog's script share one file. `sheets` holds the text of every
 * stylesheet the build wrote, by file name; `scripts` the text of every script (a stylesheet a script loads stays).
 * Pure.
 */
export function planStylesheets(pages: readonly { path: string; html: string }[], sheets: ReadonlyMap<string, string>, scripts: readonly string[]): StylesheetPlan {
  const classes = pages.map((p) => classesIn(p.html));
  const used = new Set(classes.flatMap((c) => [...c]));
  const elements = new Set(pages.flatMap((p) => [...elementsIn(p.html)]));
  const parts = new Map<string, { site: string; katex: string }>();
  const partsOf = (href: string, page: string) => {
    const name = basename(href);
    const css = sheets.get(name);
    if (css === undefined) throw new Error(`stylesheets: ${page} links ${href}, which the build did not write`);
    if (!parts.has(name)) parts.set(name, splitKatexCss(css));
    return { name, ...parts.get(name)! };
  };
  const files: StylesheetPlan['files'] = [];
  /**
   * The file that holds `css`, made of the stylesheets `from` (and KaTeX's rules): Astro's own when it is one of
   * them unchanged, else a new one beside `beside`, named after its parts and its content (`Base.<hash>.css`,
   * `katex.<hash>.css`).
   */
  const fileFor = (from: { name: string }[], math: boolean, css: string, beside: string) => {
    if (from.length === 1 && !math && sheets.get(from[0]!.name) === css) return from[0]!.name;
    const name = `${[...from.map((s) => hashedStem(s.name).stem), ...(math ? ['katex'] : [])].join('-')}.${contentHash(css)}.css`;
    if (!files.some((f) => f.name === name)) files.push({ name, beside, css });
    return name;
  };
  let withOwnRules = 0;
  let withMath = 0;
  const html = pages.map(({ path, html }, i) => {
    const links = [...html.matchAll(stylesheetLink)];
    if (links.length === 0) return html;
    const sheetsLinked = links.map((m) => partsOf(m[1]!, path));
    const [layout, own] = [sheetsLinked[0]!, sheetsLinked.slice(1)];
    const math = classes[i]!.has('katex');
    if (math && !sheetsLinked.some((s) => s.katex)) throw new Error(`stylesheets: ${path} shows math but none of its stylesheets (${sheetsLinked.map((s) => s.name).join(', ')}) holds KaTeX's rules`);
    const names = [fileFor([layout], false, layout.site, layout.name)];
    const ownCss = own.map((s) => s.site).join('') + (math ? pruneKatexCss(sheetsLinked.map((s) => s.katex).join(''), used, elements) : '');
    if (ownCss) names.push(fileFor(own, math, ownCss, layout.name));
    if (names.length > 1) withOwnRules++;
    if (math) withMath++;
    const tags = names.map((name) => `<link rel="stylesheet" href="${links[0]![1]!.replace(/[^/]+$/, name)}">`).join('');
    // Before the head's first script: Astro writes the links at the head's end, after the theme's blocking script,
    // where the browser would ask for them only once that script had come and run (under the meta CSP, Chromium's
    // preload scanner holds back what it finds after it).
    return intoHead(html.replace(stylesheetLink, ''), tags, /<script[\s>]/);
  });
  const linked = new Set(html.flatMap((h) => [...h.matchAll(stylesheetLink)].map((m) => basename(m[1]!))));
  const unused = [...parts.keys()].filter((name) => !linked.has(name) && !scripts.some((js) => js.includes(name)));
  return { html, files, unused, withOwnRules, withMath };
}

/**
 * The stylesheets of every page. Astro gives a page one CSS file for the layout's rules and one more for each of
 * its components' own (the explorer's, the diagrams', the search interface's), each render-blocking, and KaTeX's
 * whole stylesheet (~3.5 kB gzip, most of it for constructs the edition never writes) in the layout's. This takes
 * KaTeX's rules out and puts them back, pruned, only where math shows, so that a page without math loads neither
 * those rules nor KaTeX's fonts; and links from each page the layout's rules, the same file everywhere, and at most
 * one more file of its own (`planStylesheets`). The files Astro wrote that no page or script uses any more go.
 */
export const stylesheets: Stage = {
  name: 'stylesheets',
  run({ dir, pages }) {
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && !relative(dir, e.parentPath).split(sep).includes('pagefind'));
    const paths = new Map(files.filter((e) => e.name.endsWith('.css')).map((e) => [e.name, join(e.parentPath, e.name)]));
    const sheets = new Map([...paths].map(([name, path]) => [name, readFileSync(path, 'utf8')]));
    const scripts = files.filter((e) => e.name.endsWith('.js')).map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'));
    const plan = planStylesheets(pages.map((p) => ({ path: relative(dir, p.file), html: p.html })), sheets, scripts);
    plan.html.forEach((html, i) => (pages[i]!.html = html));
    for (const { name, beside, css } of plan.files) writeFileSync(join(dirname(paths.get(beside)!), name), css);
    for (const name of plan.unused) rmSync(paths.get(name)!);
    return `the layout's stylesheet on all ${pages.length} pages, one of their own on ${plan.withOwnRules}; KaTeX's rules on the ${plan.withMath} that show math`;
  },
};
