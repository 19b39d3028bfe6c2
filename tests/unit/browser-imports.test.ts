import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesIn } from '../site/dist';

// The browser's scripts (src/browser/, loaded by the pages' <script src>) are bundled by Vite: a module they import,
// however indirectly, ships to every reader. The modules they share with the build live in src/shared/; none may bring a
// build-time library (unified, KaTeX,
// yaml) must not be among them; once, typeset() in typography.ts put 50 kB of SmartyPants into the search scripts.

/** Every import a module makes at run time (type-only imports are erased), with its specifier. */
function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
  return [...source.matchAll(/\b(?:import|export)\s+(type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]|\bimport\(\s*(?:\/\*[^*]*\*\/\s*)?['"]([^'"]+)['"]\s*\)/g)]
    .filter((m) => !m[1])
    .map((m) => (m[2] ?? m[3])!);
}

/** The project's modules a browser script reaches, each with the packages it imports. */
function reached(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const specs = importsOf(file);
    seen.set(file, specs.filter((s) => !s.startsWith('.')));
    for (const spec of specs.filter((s) => s.startsWith('.'))) {
      const path = join(dirname(file), spec.replace(/\?.*$/, ''));
      const module = [path, `${path}.ts`].find((p) => /\.ts$/.test(p) && existsSync(p));
      if (module) visit(module);
    }
  };
  visit(entry);
  return seen;
}

/**
 * Packages written for the browser, which a script may import: KaTeX's copy-tex (src/browser/copy.ts), a copy handler
 * of 1 kB that imports nothing, none of KaTeX's renderer.
 */
const forTheBrowser = ['katex/contrib/copy-tex'];

describe('the browser’s scripts', () => {
  it('import no package but those written for the browser, which bring nothing else with them', () => {
    for (const name of forTheBrowser) {
      const file = createRequire(import.meta.url).resolve(name).replace(/\.js$/, '.mjs');
      expect(importsOf(file), name).toEqual([]);
      expect(readFileSync(file, 'utf8').length, name).toBeLessThan(5000);
    }
  });

  it('import no other package, directly or through the modules of src/lib/ they use', () => {
    const entries = filesIn('src/browser', '.ts');
    expect(entries.length).toBeGreaterThan(4);
    const modules = new Map(entries.flatMap((e) => [...reached(e)]));
    // The scripts do reach the project's shared modules (typography, pagefind options), so the walk is not empty.
    expect([...modules.keys()].map((f) => relative('src', f))).toEqual(expect.arrayContaining(['shared/typography.ts', 'shared/pagefind-options.ts']));
    const packages = [...modules].map(([f, specs]) => [f, specs.filter((s) => !forTheBrowser.includes(s))] as const);
    expect(packages.filter(([, specs]) => specs.length > 0).map(([f, specs]) => `${f}: ${specs.join(', ')}`)).toEqual([]);
  });
});

describe('the layering of src/', () => {
  it('imports nothing from tests/, and nothing that pages use imports the command-line tools of src/cli/', () => {
    const sources = [...filesIn('src', '.ts'), ...filesIn('src', '.astro'), ...filesIn('src', '.mjs')];
    expect(sources.length).toBeGreaterThan(50);
    const crossings = sources.flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => relative('.', join(dirname(file), spec)))
        .filter((target) => target.startsWith('tests/') || (target.startsWith('src/cli/') && !file.startsWith('src/cli/')))
        .map((target) => `${file} → ${target}`),
    );
    expect(crossings).toEqual([]);
  });
});

describe('the command-line tools', () => {
  it('run under Node itself: each module that `npm run build`, `urls` or `bench` reaches names the project\'s modules it imports by their file (Node adds no ".ts")', () => {
    const scripts = Object.values((JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts);
    const entries = [...new Set(scripts.flatMap((s) => [...s.matchAll(/\bnode (src\/\S+\.ts)\b/g)].map((m) => m[1]!)))];
    expect(entries).toEqual(expect.arrayContaining(['src/cli/build.ts', 'src/cli/urls.ts', 'src/cli/bench.ts']));
    const modules = new Set(entries.flatMap((e) => [...reached(e).keys()]));
    // The walk reaches past src/cli/ into the modules the pages share (the bench's search page reaches src/lib/).
    expect([...modules].filter((f) => f.startsWith('src/lib/')).length).toBeGreaterThan(3);
    const bare = [...modules].flatMap((file) => importsOf(file).filter((s) => s.startsWith('.') && !/\.(?:ts|mjs|js|json)$/.test(s)).map((s) => `${file}: ${s}`));
    expect(bare).toEqual([]);
  });
});
