import { exportFormats } from './citation';
import { dataFormatTypes } from './data-export';

/**
 * The edition's downloads: each folder they are served from, and in it the media type of each format (the ending of
 * a file's name, after its name: `x.bib`, `x.schema.json`). Every download is UTF-8 text.
 */
export const downloadFolders: Record<string, Record<string, string>> = {
  'cite/': Object.fromEntries(Object.entries(exportFormats).map(([format, { mime }]) => [format, mime])),
  'data/': dataFormatTypes,
};

/** Downloads that are files of their own at the site's root, and their media types: binary, so with no charset. */
export const downloadFiles: Record<string, string> = {
  'edition.epub': 'application/epub+zip',
};

/** The Content-Type of a download of this media type. */
export const withCharset = (type: string) => `${type}; charset=utf-8`;

/** The format of a download in `folder`: the longest of the folder's endings that its name has (`x.schema.json` is `schema.json`). */
function formatOf(folder: string, name: string): string | undefined {
  return Object.keys(downloadFolders[folder]!)
    .filter((format) => name.endsWith(`.${format}`))
    .sort((a, b) => b.length - a.length)[0];
}

/**
 * The `_headers` rules that give each download its Content-Type, for the files of a built site (paths relative to
 * it: "cite/edition.bib"; pages and other folders are left alone). The files of a format share one rule
 * (`/cite/*.bib`), unless its pattern would also match a file of another format (`/data/*.json` would match
 * `studies.schema.json`): then each file has a rule of its own, as hosts join (Cloudflare) or override (Netlify)
 * the values of rules that overlap. A file of no known format in a download folder fails the build. The downloads
 * at the root (`downloadFiles`) have a rule each.
 */
export function downloadHeaders(files: readonly string[], asset: (path: string) => string): string[] {
  const rules: string[] = [];
  for (const [folder, types] of Object.entries(downloadFolders)) {
    const inFolder = files.filter((f) => f.startsWith(folder) && !f.endsWith('.html')).map((f) => f.slice(folder.length)).sort();
    const unknown = inFolder.filter((name) => !formatOf(folder, name));
    if (unknown.length) {
      throw new Error(`_headers: no media type for ${unknown.map((n) => folder + n).join(', ')}; the downloads of ${folder} are ${Object.keys(types).map((f) => `*.${f}`).join(', ')} (src/lib/download-types.ts)`);
    }
    for (const [format, type] of Object.entries(types)) {
      const own = inFolder.filter((name) => formatOf(folder, name) === format);
      const shared = !inFolder.some((name) => name.endsWith(`.${format}`) && !own.includes(name));
      const patterns = shared ? (own.length ? [`*.${format}`] : []) : own;
      for (const pattern of patterns) rules.push(asset(folder + pattern), `  Content-Type: ${withCharset(type)}`);
    }
  }
  for (const [name, type] of Object.entries(downloadFiles)) if (files.includes(name)) rules.push(asset(name), `  Content-Type: ${type}`);
  return rules;
}
