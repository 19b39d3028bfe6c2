import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** A built HTML page: its URL path under the base and its file. */
export interface BuiltPage {
  url: string;
  file: string;
  html: string;
}

/** Every HTML page in a build folder (Pagefind's own files excluded), with its URL path under `base`. */
export function builtPages(dir: string, base = '/'): BuiltPage[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .filter((file) => !relative(dir, file).split(sep).includes('pagefind'))
    .sort()
    .map((file) => {
      const rel = relative(dir, file).split(sep).join('/');
      return { url: base + rel.replace(/(^|\/)index\.html$/, '$1'), file, html: readFileSync(file, 'utf8') };
    });
}
