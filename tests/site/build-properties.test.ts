import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { launch, watch } from '../../src/cli/browser';
import { distDir, filesIn } from './dist';
import { copyProject, processesIn } from './project-copy';
import { serve } from '../../src/cli/server';

let project: ReturnType<typeof copyProject>;
beforeAll(() => {
  project = copyProject();
});
afterAll(() => project?.remove());

const digest = (dir: string) =>
  Object.fromEntries(filesIn(dir, '').sort().map((f) => [relative(dir, f), createHash('sha256').update(readFileSync(f)).digest('hex')]));

/** Polls `probe` until it returns something truthy, or fails after `ms`. */
async function until<T>(probe: () => T, what: string, ms = 30_000): Promise<NonNullable<T>> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(100)) {
    const found = probe();
    if (found) return found;
  }
  throw new Error(`waited ${ms / 1000} s for ${what}`);
}

const stagingFolders = () => readdirSync(project.dir).filter((name) => name.startsWith('.dist.build-'));

// A signal to any process of a build (npm, build.ts, astro) ends all of them, and nothing is published. Each build is
// stopped once astro has started working, a few seconds in, so that these cases stay fast.
describe('cancelled builds', () => {
  const cases = [
    { to: 'npm', signal: 'SIGTERM', site: 'absent' },
    { to: 'npm', signal: 'SIGINT', site: 'present' },
    { to: 'build.ts', signal: 'SIGKILL', site: 'present' },
    { to: 'astro', signal: 'SIGTERM', site: 'present' },
  ] as const;
  it.each(cases)('$signal to $to ends every process of the build and publishes nothing (dist/ $site before)', async ({ to, signal, site }) => {
    const dist = join(project.dir, 'dist');
    rmSync(dist, { recursive: true, force: true });
    if (site === 'present') {
      mkdirSync(dist);
      writeFileSync(join(dist, 'last-good.txt'), 'kept');
    }
    const before = digest(dist);
    const known = new Set(stagingFolders());
    const build = project.start();
    // build.ts stages in .dist.build-<its pid>-…, and writes astro's process group there once astro runs.
    const stage = await until(() => stagingFolders().find((name) => !known.has(name) && existsSync(join(project.dir, name, 'writers'))), 'astro to start');
    await until(() => /\[(content|types|build|vite)\]/.test(build.output()), 'astro to log its first step');
    const pid = { npm: build.npm.pid!, 'build.ts': Number(/^\.dist\.build-(\d+)-/.exec(stage)![1]), astro: Number(readFileSync(join(project.dir, stage, 'writers'), 'utf8')) }[to];
    process.kill(pid, signal);
    // Every process ends within seconds (astro's group is killed 5 s after a signal it does not heed), not when
    // astro would have finished: npm's end alone proves nothing, as npm waits for the pipes astro holds.
    await until(() => processesIn(project.dir).length === 0, 'every process of the build to end', 10_000).catch(() => undefined);
    expect(processesIn(project.dir)).toEqual([]);
    const ended = await build.ended;
    expect(ended.code, build.output().slice(-2000)).not.toBe(0);
    expect(build.output()).not.toMatch(/Published/);
    expect(existsSync(dist)).toBe(site === 'present');
    expect(digest(dist)).toEqual(before);
    // The build cleans up after itself, unless it was killed outright: then the next build does (below).
    if (to !== 'build.ts') expect(stagingFolders().filter((name) => !known.has(name))).toEqual([]);
  });
});

describe('builds', () => {
  it('are reproducible: a second clean build in another folder is byte-identical', () => {
    // The first build after the cancelled ones: it settles the staging folder the killed build.ts left.
    expect(stagingFolders()).not.toEqual([]);
    const { status, output } = project.build();
    expect(status, output.slice(-3000)).toBe(0);
    // Astro's "use astro:head-inject" directive is not the edition's to act on (astro.config.mjs).
    expect(output).not.toMatch(/MODULE_LEVEL_DIRECTIVE/);
    expect(output).toMatch(/Removed .*\.dist\.build-\d+-\w+, left by a build that died\./);
    expect(stagingFolders()).toEqual([]);
    const again = digest(join(project.dir, 'dist'));
    const first = digest(distDir);
    expect(Object.keys(again)).toEqual(Object.keys(first));
    expect(Object.keys(again).filter((f) => again[f] !== first[f])).toEqual([]);
  });

  it('work under a base path, published to another file system: links, assets and search', async () => {
    // The build stages beside its target, so that publishing is a rename on one file system: a target on a tmpfs
    // (/dev/shm, where the machine has one apart from the project's file system) must not fail with EXDEV.
    const shm = existsSync('/dev/shm') && statSync('/dev/shm').dev !== statSync(project.dir).dev;
    const parent = shm ? mkdtempSync('/dev/shm/edition-') : project.dir;
    onTestFinished(() => {
      if (shm) rmSync(parent, { recursive: true, force: true });
    });
    const dist = join(parent, 'dist-base');
    const { status, output } = project.build({ EDITION_BASE: '/edition/', EDITION_DIST: dist });
    // A build that passes has passed its own output check: every href and src of every page is under /edition/
    // and resolves (tests/unit/links.test.ts tests that check, a link outside the base path included). What the
    // check cannot see are the addresses the search script writes at run time.
    expect(status, output.slice(-3000)).toBe(0);
    expect([...readdirSync(parent), ...readdirSync(project.dir)].filter((name) => name.includes('.build-'))).toEqual([]);
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
