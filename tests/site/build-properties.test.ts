import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, watch } from '../../src/cli/browser';
import { distDir, filesIn } from './dist';
import { copyProject } from './project-copy';
import { serve } from '../../src/cli/server';

let project: ReturnType<typeof copyProject>;
beforeAll(() => {
  project = copyProject();
});
afterAll(() => project?.remove());

const digest = (dir: string) =>
  Object.fromEntries(filesIn(dir, '').sort().map((f) => [relative(dir, f), createHash('sha256').update(readFileSync(f)).digest('hex')]));

describe('builds', () => {
  it('are reproducible: a second clean build in another folder is byte-identical', () => {
    const { status, output } = project.build();
    expect(status, output.slice(-3000)).toBe(0);
    // Astro's "use astro:head-inject" directive is not the edition's to act on (astro.config.mjs).
    expect(output).not.toMatch(/MODULE_LEVEL_DIRECTIVE/);
    const again = digest(join(project.dir, 'dist'));
    const first = digest(distDir);
    expect(Object.keys(again)).toEqual(Object.keys(first));
    expect(Object.keys(again).filter((f) => again[f] !== first[f])).toEqual([]);
  });

  it('are atomic: a failed build leaves the last good dist/ as it was', () => {
    const marker = join(project.dir, 'dist', 'last-good.txt');
    mkdirSync(join(project.dir, 'dist'), { recursive: true });
    writeFileSync(marker, 'kept');
    const bad = join(project.dir, 'content', 'sections', 'zz-bad.mdx');
    writeFileSync(bad, '---\nslug: zz-bad\ntitle: Bad\nsummary: Bad.\norder: 99\n---\n\nText [@999].\n');
    const { status } = project.build();
    expect(status).not.toBe(0);
    expect(readFileSync(marker, 'utf8')).toBe('kept');
    expect(existsSync(join(project.dir, '.stage'))).toBe(false);
    rmSync(bad);
  });

  it('work under a base path: links, assets and search', async () => {
    const dist = join(project.dir, 'dist-base');
    const { status, output } = project.build({ EDITION_BASE: '/edition/', EDITION_DIST: dist });
    // A build that passes has passed its own output check: every href and src of every page is under /edition/
    // and resolves (tests/unit/links.test.ts tests that check, a link outside the base path included). What the
    // check cannot see are the addresses the search script writes at run time.
    expect(status, output.slice(-3000)).toBe(0);
    const site = await serve(dist, '/edition/');
    const browser = await launch();
    const page = await browser.newPage();
    const problems = watch(page, site.origin);
    await page.goto(site.url('/search/?q=LiCoO2'));
    await page.locator('.results a').first().waitFor({ timeout: 15_000 });
    expect(await page.locator('.results a').first().getAttribute('href')).toMatch(/^\/edition\//);
    await page.goto(site.url('/'));
    expect(problems).toEqual([]);
    await browser.close();
    await site.close();
  });
});
