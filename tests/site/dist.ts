import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parse, type HTMLElement, type Node } from 'node-html-parser';

/** The built site under test. */
export const distDir = resolve(process.env.EDITION_DIST || 'dist');

export function filesIn(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => join(e.parentPath, e.name));
}

export interface Page {
  /** URL path of the page ("/sections/x/"). */
  url: string;
  file: string;
  html: string;
  dom: HTMLElement;
}

/**
 * Makes a parsed page's tree read-only: removing, adding or replacing a node throws ("Cannot assign to read only
 * property 'childNodes'"). The pages are parsed once per worker and shared by every file it runs (isolate: false), so a
 * test that edited one would change what later files read, depending on the order. A test that needs to edit
 * works on a copy: `parse(el.toString())`.
 */
function readOnly(root: Node): void {
  const stack = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    Object.defineProperty(node, 'childNodes', { value: Object.freeze(node.childNodes), writable: false });
    Object.defineProperty(node, 'parentNode', { value: node.parentNode, writable: false });
    stack.push(...node.childNodes);
  }
}

let cache: Page[] | undefined;
/** Every HTML page of the build (Pagefind's own files excluded), parsed once and read-only. */
export function pages(): Page[] {
  cache ??= filesIn(distDir, '.html')
    .filter((f) => !f.includes(`${sep}pagefind${sep}`))
    .map((file) => {
      const html = readFileSync(file, 'utf8');
      const rel = relative(distDir, file).split(sep).join('/');
      const url = `/${rel.replace(/index\.html$/, '')}`;
      const dom = parse(html);
      readOnly(dom);
      return { url, file, html, dom };
    });
  return cache;
}

export function page(url: string): Page {
  const p = pages().find((x) => x.url === url);
  if (!p) throw new Error(`no page ${url} in ${distDir}`);
  return p;
}

/** The built pages grouped by kind: the first segment of their URL ("sections", "materials"; "home" for /). */
export function pagesByKind(): Map<string, Page[]> {
  const byKind = new Map<string, Page[]>();
  for (const p of pages()) {
    const kind = p.url.split('/')[1] || 'home';
    byKind.set(kind, [...(byKind.get(kind) ?? []), p]);
  }
  return byKind;
}

/** Of each kind of page, its smallest and its largest (by HTML length). */
export function extremesOfEveryKind(): string[] {
  return [...pagesByKind().values()].flatMap((list) => {
    const sorted = [...list].sort((a, b) => a.html.length - b.html.length);
    return [...new Set([sorted[0]!.url, sorted.at(-1)!.url])];
  });
}
