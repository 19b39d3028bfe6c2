import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pagefindOptions } from '../../src/shared/pagefind-options';
import { distDir } from './dist';

interface PagefindResult {
  data(): Promise<{ url: string; content: string; excerpt: string; meta: Record<string, string>; filters: Record<string, string[]>; sub_results?: { url: string; title: string }[] }>;
}
interface Pagefind {
  options(o: { basePath: string; ranking?: unknown }): Promise<void>;
  search(q: string, o?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] }>;
}

/**
 * The built Pagefind bundle, run in Node: its requests for index files are answered from `dist/`.
 * This exercises the same files and WebAssembly a browser gets.
 */
export async function loadPagefind(): Promise<Pagefind> {
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: string | URL | Request) => {
    const url = new URL(String(input instanceof Request ? input.url : input), 'file:///');
    if (url.protocol !== 'file:') return realFetch(input);
    return new Response(await readFile(fileURLToPath(url)));
  }) as typeof fetch;
  const pagefind = (await import(/* @vite-ignore */ pathToFileURL(`${distDir}/pagefind/pagefind.js`).href)) as Pagefind;
  // The edition's ranking (the search page starts Pagefind with it too).
  await pagefind.options({ basePath: pathToFileURL(`${distDir}/pagefind/`).href, ranking: pagefindOptions.ranking });
  return pagefind;
}

/** URL paths of the top results for a query, relative to the site. */
export async function topUrls(pagefind: Pagefind, query: string, n = 3, filters?: Record<string, string>): Promise<string[]> {
  const { results } = await pagefind.search(query, filters ? { filters } : undefined);
  const data = await Promise.all(results.slice(0, n).map((r) => r.data()));
  return data.map((d) => d.url.slice(d.url.indexOf(distDir) + distDir.length));
}
