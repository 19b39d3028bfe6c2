import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { parse } from 'node-html-parser';
import { pruneKatexCss, splitKatexCss } from './katex-css';
import type { Stage } from './stage';

/** Every class named in a page's `class` attributes (those inside `<noscript>` and `<pre>` too), read by an HTML parser. */
export function classesIn(html: string): Set<string> {
  const dom = parse(html, { blockTextElements: { script: true, style: true } });
  return new Set(dom.querySelectorAll('[class]').flatMap((el) => el.classList.value));
}

const contentHash = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 8);

/** A built stylesheet's name without its content hash (`Base.usbdPAn3.css` → `Base`); throws on a name without one. */
function stem(name: string): string {
  const m = /^(.+)\.[\w-]{8}\.css$/.exec(name);
  if (!m) throw new Error(`stylesheets: ${name} has no content hash in its name`);
  return m[1]!;
}

const stylesheetLink = /<link rel="stylesheet" href="([^"]+)">/g;

/** What the stylesheets stage does to a build, worked out before anything is written. */
export interface StylesheetPlan {
  /** Each page's HTML, in the order given, linking its one stylesheet (a page that links none is as it was). */
  html: string[];
  /** The joined stylesheets to write: each file's name, the stylesheet it goes beside, and its text. */
  files: { name: string; beside: string; css: string }[];
  /** Astro's stylesheets that no page links any more and no script loads. */
  unused: string[];
  /** How many pages show math (and so link KaTeX's rules). */
  withMath: number;
}

/**
 * For each set of stylesheets pages link, one file that holds them in order, the site's rules of each and then, on
 * a page that shows math, KaTeX's rules pruned to the classes the pages use; each page then links its set's file
 * instead. `sheets` holds the text of every stylesheet the build wrote, by file name; `scripts` the text of every
 * script (a stylesheet a script loads, the search dialog's, stays). Pure.
 */
export function planStylesheets(pages: readonly { path: string; html: string }[], sheets: ReadonlyMap<string, string>, scripts: readonly string[]): StylesheetPlan {
  const classes = pages.map((p) => classesIn(p.html));
  const used = new Set(classes.flatMap((c) => [...c]));
  const parts = new Map<string, { site: string; katex: string }>();
  const partsOf = (href: string, page: string) => {
    const name = basename(href);
    const css = sheets.get(name);
    if (css === undefined) throw new Error(`stylesheets: ${page} links ${href}, which the build did not write`);
    if (!parts.has(name)) parts.set(name, splitKatexCss(css));
    return { name, ...parts.get(name)! };
  };
  /** The joined file's href, by the page's stylesheets (and whether it shows math). */
  const joined = new Map<string, string>();
  const files: StylesheetPlan['files'] = [];
  let withMath = 0;
  const html = pages.map(({ path, html }, i) => {
    const links = [...html.matchAll(stylesheetLink)];
    if (links.length === 0) return html;
    const sheetsLinked = links.map((m) => partsOf(m[1]!, path));
    const math = classes[i]!.has('katex');
    if (math && !sheetsLinked.some((s) => s.katex)) throw new Error(`stylesheets: ${path} shows math but none of its stylesheets (${sheetsLinked.map((s) => s.name).join(', ')}) holds KaTeX's rules`);
    const key = `${sheetsLinked.map((s) => s.name).join(' ')}${math ? ' katex' : ''}`;
    let href = joined.get(key);
    if (href === undefined) {
      const css = sheetsLinked.map((s) => s.site).join('') + (math ? pruneKatexCss(sheetsLinked.map((s) => s.katex).join(''), used) : '');
      const name = `${[...sheetsLinked.map((s) => stem(s.name)), ...(math ? ['katex'] : [])].join('-')}.${contentHash(css)}.css`;
      files.push({ name, beside: sheetsLinked[0]!.name, css });
      href = links[0]![1]!.replace(/[^/]+$/, name);
      joined.set(key, href);
    }
    if (math) withMath++;
    let first = true;
    return html.replace(stylesheetLink, () => (first ? ((first = false), `<link rel="stylesheet" href="${href}">`) : ''));
  });
  const written = new Set(files.map((f) => f.name));
  const unused = [...parts.keys()].filter((name) => !written.has(name) && !scripts.some((js) => js.includes(name)));
  return { html, files, unused, withMath };
}

/**
 * One stylesheet per page. Astro gives a page one CSS file for the layout's rules and one more for each of its
 * components' own (the explorer's, the diagrams', the search interface's), each render-blocking. This writes, for
 * each set of stylesheets pages link, one file that holds them in order, links it from those pages instead, and
 * deletes the originals, but for one a script loads. KaTeX's rules are taken out of every file and put back,
 * pruned to the classes the pages use, only into the files of pages that show math (KaTeX's stylesheet is ~3.5 kB
 * gzip, most of it for constructs the edition never writes); a page without math loads neither those rules nor
 * KaTeX's fonts. A file is named after its parts and its content (`Base-diagrams.<hash>.css`,
 * `Base-katex.<hash>.css`).
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
    return `${plan.files.length} stylesheets, one per page; KaTeX's rules in those of the ${plan.withMath} of ${pages.length} pages that show math`;
  },
};
