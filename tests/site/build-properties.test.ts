import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watch } from '../../src/cli/browser';
import { connect } from './browser-suite';
import { distDir, filesIn } from './dist';
import { exampleSite, previewSite } from '../../src/lib/publishing';
import { loopbackAddresses, unpacked } from './loopback';
import { copyProject, processesIn, type RunningBuild } from './project-copy';
import { serve } from '../../src/cli/server';

let project: ReturnType<typeof copyProject>;
/**
 * The build under a base path, published to another file system, runs in a copy of its own from the start, beside
 * the builds of the cases below (which share `project`): it is checked in 'builds' below.
 */
let based: { project: ReturnType<typeof copyProject>; parent: string; dist: string; build: RunningBuild; shm: boolean };
beforeAll(() => {
  project = copyProject();
  const copy = copyProject();
  // The build stages beside its target, so that publishing is a rename on one file system: a target on a tmpfs
  // (/dev/shm, where the machine has one apart from the project's file system) must not fail with EXDEV.
  const shm = existsSync('/dev/shm') && statSync('/dev/shm').dev !== statSync(copy.dir).dev;
  const parent = shm ? mkdtempSync('/dev/shm/edition-') : copy.dir;
  const dist = join(parent, 'dist-base');
  based = { project: copy, parent, dist, shm, build: copy.start({ EDITION_SITE: exampleSite, EDITION_BASE: '/asslb/', EDITION_DIST: dist }) };
});
afterAll(async () => {
  project?.remove();
  if (!based) return;
  // Not awaited by a test that was left out (-t): ended here.
  if (based.build.npm.exitCode === null && based.build.npm.signalCode === null) based.build.npm.kill('SIGTERM');
  await based.build.ended;
  based.project.remove();
  if (based.shm) rmSync(based.parent, { recursive: true, force: true });
});

/** Each file's SHA-256, by its path in `dir`; `read` may change what is hashed. */
const digest = (dir: string, read: (bytes: Buffer) => Buffer = (bytes) => bytes) =>
  Object.fromEntries(filesIn(dir, '').sort().map((f) => [relative(dir, f), createHash('sha256').update(read(readFileSync(f))).digest('hex')]));

/** Polls `probe` until it returns something truthy, or fails after `ms`. */
async function until<T>(probe: () => T, what: string, ms = 30_000): Promise<NonNullable<T>> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(100)) {
    const found = probe();
    if (found) return found;
  }
  throw new Error(`waited ${ms / 1000} s for ${what}`);
}

const stagingFolders = () => readdirSync(project.dir).filter((name) => name.startsWith('.dist.build-'));
/** The staging folder that build.ts, killed outright, left; and what the builds after it printed. */
let leftByKill: string | undefined;
const laterOutputs: string[] = [];

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
    // The build cleans up after itself, unless it was killed outright: then a later build does (below).
    if (to !== 'build.ts') expect(stagingFolders().filter((name) => !known.has(name))).toEqual([]);
    else leftByKill = stage;
    laterOutputs.push(build.output());
  });
});

describe('builds', () => {
  it('are reproducible, and the preview differs only by its origin and its notices: a clean build of the preview in another folder is the published build byte for byte once those are taken out', async () => {
    const { status, output } = await project.build({ EDITION_SITE: '', EDITION_PREVIEW: '1' });
    expect(status, output.slice(-3000)).toBe(0);
    // Astro's "use astro:head-inject" directive is not the edition's to act on (astro.config.mjs).
    expect(output).not.toMatch(/MODULE_LEVEL_DIRECTIVE/);
    // The staging folder the killed build.ts left is removed by the next build that finds its processes gone: the
    // cancelled build after it, or this one, as the timing falls.
    expect(leftByKill).toBeDefined();
    expect([...laterOutputs, output].filter((o) => /^Removed .*\/(.+), left by a build that died\.$/m.exec(o)?.[1] === leftByKill)).toHaveLength(1);
    expect(stagingFolders()).toEqual([]);
    const preview = join(project.dir, 'dist');
    // Every page says, once, that it is the local preview; every block of citations says its address is the preview's.
    const html = filesIn(preview, '.html').filter((f) => !f.includes('/pagefind/')).map((f) => readFileSync(f, 'utf8'));
    expect(html.length).toBeGreaterThan(400);
    expect(html.filter((h) => h.split('<aside class="preview-notice" aria-label="Local preview">').length !== 2)).toEqual([]);
    const citing = html.filter((h) => h.includes('class="cite-block"'));
    expect(citing.length).toBeGreaterThan(10);
    expect(citing.filter((h) => !/<section class="cite-block"[^>]*>\s*<h2[^>]*>.*?<\/h2>\s*<p class="preview-note"[^>]*>Preview address: [^<]*<code>http:\/\/127\.0\.0\.1:4321\/<\/code>/.test(h))).toEqual([]);
    // Taken out, with the preview's origin replaced by the published one, every file is the published build's.
    const published = (bytes: Buffer) =>
      Buffer.from(
        bytes
          .toString('latin1')
          .replace(/<aside class="preview-notice"[^>]*>.*?<\/aside>|<p class="preview-note"[^>]*>.*?<\/p>/gs, '')
          .replaceAll(previewSite, exampleSite),
        'latin1',
      );
    // The EPUB is compared entry by entry, unpacked.
    const again = digest(preview, (bytes) => unpacked(bytes, published));
    const first = digest(distDir, (bytes) => unpacked(bytes));
    expect(Object.keys(again)).toEqual(Object.keys(first));
    expect(Object.keys(again).filter((f) => again[f] !== first[f])).toEqual([]);
  });

  it('work under a base path, published to another file system: links, assets, search, and no loopback address in any file', async () => {
    const { parent, dist, build } = based;
    const status = (await build.ended).code;
    const output = build.output();
    // A build that passes has passed its own output check: every href and src of every page is under /asslb/
    // and resolves (tests/unit/links.test.ts tests that check, a link outside the base path included). What the
    // check cannot see are the addresses the search script writes at run time.
    expect(status, output.slice(-3000)).toBe(0);
    expect([...readdirSync(parent), ...readdirSync(based.project.dir)].filter((name) => name.includes('.build-'))).toEqual([]);
    // Not one file (pages, sitemaps, _headers, Pagefind's files, the downloads) names the local preview.
    expect(loopbackAddresses(dist)).toEqual([]);
    expect(readFileSync(join(dist, 'cite', 'introduction.bib'), 'utf8')).toContain(`${exampleSite}/asslb/sections/introduction/`);
    expect([...readFileSync(join(dist, '_headers'), 'utf8').matchAll(/^\S+/gm)].map((m) => m[0]).filter((path) => !path.startsWith('/asslb/') && path !== '/*')).toEqual([]);
    const site = await serve(dist, '/asslb/');
    const browser = await connect();
    const page = await browser.newPage();
    const problems = watch(page, site.origin);
    await page.goto(site.url('/search/?q=LiCoO2'));
    await page.locator('.results a').first().waitFor({ timeout: 15_000 });
    expect(await page.locator('.results a').first().getAttribute('href')).toMatch(/^\/asslb\//);
    await page.goto(site.url('/'));
    expect(problems).toEqual([]);
    await browser.close();
    await site.close();
  });

  it('for publishing stop before anything is staged without an origin, or with a bad value, saying which and how to set it', async () => {
    const before = digest(join(project.dir, 'dist'));
    for (const [env, message] of [
      [{ EDITION_SITE: '' }, /Build failed: EDITION_SITE is not set: a build for publishing needs the origin[\s\S]*EDITION_SITE=https:\/\/edition\.example\.org EDITION_BASE=\/asslb\/ npm run build[\s\S]*See "Publishing" in README\.md\./],
      [{ EDITION_SITE: 'http://127.0.0.1:4321' }, /EDITION_SITE="http:\/\/127\.0\.0\.1:4321" is a loopback address/],
      [{ EDITION_BASE: 'asslb' }, /EDITION_BASE="asslb" is not a base path: it must start and end with "\/"/],
    ] as const) {
      const { status, output } = await project.build(env);
      expect(status, output).toBe(1);
      expect(output).toMatch(message);
      expect(output).toMatch(/Nothing was built; .* is unchanged\./);
      expect(output).not.toMatch(/\[build\]|astro/i);
    }
    expect(stagingFolders()).toEqual([]);
    expect(digest(join(project.dir, 'dist'))).toEqual(before);
  });

  it('never publish in place of the project: an empty EDITION_DIST, the project folder or one above it stops the build', async () => {
    const sources = digest(join(project.dir, 'src'));
    for (const [dist, message] of [
      ['', /Build failed: EDITION_DIST is set but empty: unset it to publish to dist\/, or name the folder to publish to\./],
      [project.dir, /Build failed: EDITION_DIST=".*" is the project folder: the site would replace it\./],
      [join(project.dir, '..'), /Build failed: EDITION_DIST=".*" is a folder that holds the project \(.*\): the site would replace it\./],
    ] as const) {
      const { status, output } = await project.build({ EDITION_SITE: exampleSite, EDITION_DIST: dist });
      expect(status, output).toBe(1);
      expect(output).toMatch(message);
      expect(output).toMatch(/Nothing was built\./);
    }
    expect(digest(join(project.dir, 'src'))).toEqual(sources);
  });
});
