import { readFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroConfig, AstroIntegrationLogger } from 'astro';
import { describe, expect, it } from 'vitest';
import { postBuild, stages } from '../../src/integrations/post-build/index';
import { checkFailure } from '../../src/integrations/post-build/output-checks';
import { spaceBlockEnds, unusedPagefindFiles, withAbbreviationExpansions } from '../../src/integrations/post-build/search-index';
import type { Stage } from '../../src/integrations/post-build/stage';
import { downloadHeaders } from '../../src/lib/download-types';
import { headersFile } from '../../src/lib/security';
import { makeRoutes } from '../../src/lib/routes';
import { siteFolder as site } from '../fixtures/site-folder';
import { builtPages } from '../../src/lib/checks/site-files';

/** Runs the post-build step with `run` as its stages over the site at `dir`, as `astro build` would; returns what it logged. */
async function runPostBuild(dir: string, run: readonly Stage[], base = '/'): Promise<string[]> {
  const logged: string[] = [];
  const logger = { info: (line: string) => logged.push(line) } as unknown as AstroIntegrationLogger;
  const { hooks } = postBuild(run);
  await (hooks['astro:config:done'] as (o: { config: Partial<AstroConfig> }) => void)({ config: { base } });
  await (hooks['astro:build:done'] as (o: { dir: URL; logger: AstroIntegrationLogger }) => Promise<void>)({ dir: pathToFileURL(`${dir}/`), logger });
  return logged;
}

describe('the post-build step', () => {
  it('runs its stages in the order listed, each seeing the pages as the stages before it left them', async () => {
    const dir = site({ 'index.html': '<p>home</p>', 'a/index.html': '<p>a</p>' });
    const seen: string[] = [];
    const run: Stage[] = [
      { name: 'first', run: ({ pages }) => ((pages[1]!.html = '<p>home, changed</p>'), 'changed the home page') },
      { name: 'second', run: ({ pages, base }) => (seen.push(...pages.map((p) => `${p.url} ${p.html}`)), `saw ${pages.length} pages under ${base}`) },
    ];
    const logged = await runPostBuild(dir, run, '/ed');
    expect(seen).toEqual(['/ed/a/ <p>a</p>', '/ed/ <p>home, changed</p>']);
    expect(logged.map((l) => l.replace(/ \(\d+\.\d s\)$/, ''))).toEqual(['first: changed the home page', 'second: saw 2 pages under /ed/']);
  });

  it('writes the pages a stage changed, once, after the last stage, and leaves the others untouched', async () => {
    const dir = site({ 'index.html': '<p>home</p>', 'a/index.html': '<p>a</p>' });
    const past = new Date('2020-01-01');
    utimesSync(join(dir, 'a/index.html'), past, past);
    const onDisk: string[] = [];
    await runPostBuild(dir, [
      { name: 'change', run: ({ pages }) => ((pages.find((p) => p.url === '/')!.html = '<p>new</p>'), '') },
      { name: 'look', run: () => (onDisk.push(readFileSync(join(dir, 'index.html'), 'utf8')), '') },
    ]);
    expect(onDisk).toEqual(['<p>home</p>']); // not yet written while the stages run
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe('<p>new</p>');
    expect(statSync(join(dir, 'a/index.html')).mtime).toEqual(past);
  });

  it('stops at a stage that throws: no later stage runs and no page is written', async () => {
    const dir = site({ 'index.html': '<p>home</p>' });
    const ran: string[] = [];
    const build = runPostBuild(dir, [
      { name: 'change', run: ({ pages }) => ((pages[0]!.html = '<p>new</p>'), ran.push('change'), '') },
      { name: 'fail', run: () => Promise.reject(new Error('broken page')) },
      { name: 'after', run: () => (ran.push('after'), '') },
    ]);
    await expect(build).rejects.toThrow('broken page');
    expect(ran).toEqual(['change']);
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe('<p>home</p>');
  });

  it('checks the output last, after every stage that writes to the site', () => {
    expect(stages.at(-1)!.name).toBe('output checks');
    expect(stages.map((s) => s.name).indexOf('stylesheets')).toBeLessThan(stages.map((s) => s.name).indexOf('search index'));
  });
});

describe('the output checks\' message', () => {
  it('names each invalid page and broken link, one a line, and stops listing after 50', () => {
    const invalid = [{ page: '/a/', line: 3, column: 7, rule: 'no-dup-id', message: 'Duplicate ID "x"' }];
    const broken = [{ page: '/b/', href: '/c/', reason: 'no such file' }];
    expect(checkFailure(invalid, broken)).toBe('The built pages fail 2 check(s):\n/a/ 3:7 [no-dup-id] Duplicate ID "x"\n/b/: link "/c/": no such file');
    const many = Array.from({ length: 52 }, (_, i) => ({ page: `/p${i}/`, href: '/x/', reason: 'no such file' }));
    const message = checkFailure([], many)!;
    expect(message.split('\n')).toHaveLength(52);
    expect(message).toMatch(/^The built pages fail 52 check\(s\):\n/);
    expect(message.endsWith('/p49/: link "/x/": no such file\n… and 2 more')).toBe(true);
  });

  it('is none when every page passes', () => {
    expect(checkFailure([], [])).toBeUndefined();
  });
});

describe('what Pagefind reads of a page', () => {
  it('keeps a term apart from its value, and a table\'s cells apart, where the HTML has no space between them', () => {
    expect(spaceBlockEnds('<dl><dt>Electrolyte</dt><dd>LiPON</dd></dl>')).toBe('<dl><dt>Electrolyte</dt> <dd>LiPON</dd> </dl> ');
    expect(spaceBlockEnds('<tr><th>a</th><td>b</td></tr>')).toBe('<tr><th>a</th> <td>b</td></tr> ');
    expect(spaceBlockEnds('<p>a</p><span>b</span>')).toBe('<p>a</p><span>b</span>'); // Pagefind already splits at a paragraph
  });

  it('spells out an abbreviation after it, except where the text does already or the abbreviation is part of a word', () => {
    const asslb = '<abbr title="all solid-state lithium battery">ASSLB</abbr>';
    expect(withAbbreviationExpansions(`an ${asslb} in the TEM`)).toBe(`an ${asslb} (all solid-state lithium battery) in the TEM`);
    expect(withAbbreviationExpansions(`an ${asslb}.`)).toBe(`an ${asslb} (all solid-state lithium battery).`);
    expect(withAbbreviationExpansions(`all solid-state lithium battery (${asslb})`)).toBe(`all solid-state lithium battery (${asslb})`);
    expect(withAbbreviationExpansions(`an ${asslb} (a nanoscale one)`)).toBe(`an ${asslb} (a nanoscale one)`);
    expect(withAbbreviationExpansions('<abbr title="polyethylene oxide">PEO</abbr>-based')).toBe('<abbr title="polyethylene oxide">PEO</abbr>-based');
    const peo = '<a href="/glossary/#peo"><abbr title="polyethylene oxide">PEO</abbr></a>';
    expect(withAbbreviationExpansions(`${peo}-based`)).toBe(`${peo}-based`);
    expect(withAbbreviationExpansions(`a ${peo} film`)).toBe(`a ${peo} (polyethylene oxide) film`);
  });
});

describe('Pagefind\'s files left out of the site', () => {
  const bundle = ['pagefind.js', 'pagefind-entry.json', 'pagefind.en_0123abcd.pf_meta', 'wasm.en.pagefind', 'wasm.unknown.pagefind', 'index/en_1.pf_index', 'fragment/en_2.pf_fragment', 'filter/en_3.pf_filter',
    'pagefind-ui.js', 'pagefind-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-highlight.js', 'pagefind-worker.js'];
  const en = { languages: { en: { hash: 'en_0123abcd', wasm: 'en' } } };

  it('are its UIs, its highlighter, the worker of a Pagefind started without one, and the fallback wasm no language needs', () => {
    expect(unusedPagefindFiles(bundle, en, true)).toEqual(['wasm.unknown.pagefind', ...bundle.slice(8)]);
  });

  it('keep the worker when Pagefind may start it, and the fallback wasm when a language has none of its own', () => {
    expect(unusedPagefindFiles(bundle, en, false)).not.toContain('pagefind-worker.js');
    expect(unusedPagefindFiles(bundle, { languages: { ...en.languages, xx: { hash: 'xx_1' } } }, true)).not.toContain('wasm.unknown.pagefind');
  });
});

describe('the _headers file', () => {
  it('sends the policy with the directives a meta tag cannot carry, and caches the content-named folders under the base path', () => {
    const file = headersFile(makeRoutes('/edition/').asset);
    expect(file).toMatch(/^\/\*\n {2}Content-Security-Policy: default-src 'self'; [^\n]*; frame-ancestors 'none'\n/);
    expect(file).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(file).not.toContain("'unsafe-eval'");
    expect([...file.matchAll(/^(\S+)\n {2}Cache-Control: public, max-age=31536000, immutable$/gm)].map((m) => m[1])).toEqual([
      '/edition/_astro/*',
      '/edition/pagefind/index/*',
      '/edition/pagefind/fragment/*',
      '/edition/pagefind/filter/*',
    ]);
  });
});

describe('the downloads\' Content-Type in _headers', () => {
  it('gives the files of a format one rule, or each its own where another format\'s names end the same way', () => {
    const files = ['cite/a.bib', 'cite/b.bib', 'cite/a.json', 'cite/index.html', 'data/x.json', 'data/x.schema.json', 'data/x.csv', 'data/index.html', 'sections/a/index.html', 'x.json'];
    expect(downloadHeaders(files, makeRoutes('/edition/').asset)).toEqual([
      '/edition/cite/*.bib', '  Content-Type: text/x-bibtex; charset=utf-8',
      '/edition/cite/*.json', '  Content-Type: application/vnd.citationstyles.csl+json; charset=utf-8',
      '/edition/data/x.json', '  Content-Type: application/json; charset=utf-8',
      '/edition/data/*.csv', '  Content-Type: text/csv; charset=utf-8',
      '/edition/data/*.schema.json', '  Content-Type: application/schema+json; charset=utf-8',
    ]);
  });

  it('fails the build on a download of no known format', () => {
    expect(() => downloadHeaders(['data/x.yaml', 'cite/a.bib'], makeRoutes('/').asset)).toThrow(
      '_headers: no media type for data/x.yaml; the downloads of data/ are *.json, *.csv, *.schema.json (src/lib/download-types.ts)',
    );
  });
});

describe('the output checks stage', () => {
  it('fails the build on unsafe markup and on KaTeX error output in a page, naming page, place and rule', async () => {
    const page = (body: string) => `<!DOCTYPE html><html lang="en"><head><title>x</title></head><body>${body}</body></html>\n`;
    const dir = site({
      'index.html': page('<p><a href="a/">a</a></p>'),
      'a/index.html': page('<p><a href="javascript:alert(1)">x</a> <span style="color:#cc0000;">\\href</span></p>'),
    });
    const { outputChecks } = await import('../../src/integrations/post-build/output-checks');
    const failure = await Promise.resolve()
      .then(() => outputChecks.run({ dir, base: '/', pages: builtPages(dir) }))
      .then(() => '', (error: Error) => error.message);
    expect(failure).toMatch(/^\/a\/ 1:\d+ \[unsafe-markup\] <a> has a script URL in href \("javascript:alert\(1\)"\)$/m);
    expect(failure).toMatch(/^\/a\/ 1:\d+ \[katex-error\] KaTeX error output, shown in red: "\\href"$/m);
    expect(failure).not.toMatch(/^\/ /m);
  });
});

