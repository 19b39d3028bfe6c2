import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { carry, makeStage, publish, recordWriters, settleDeadBuilds, type Stage } from '../../src/cli/build/staging';

let root: string;
let target: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'staging-'));
  target = join(root, 'dist');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const site = (dir: string, text: string) => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), text);
};
const page = () => readFileSync(join(target, 'index.html'), 'utf8');
/** The pid of a process that has ended. */
const deadPid = () => spawnSync('true').pid!;
/** The stage a build with process id `pid` would have made. */
const stageOf = (pid: number): Stage => {
  const stage = makeStage(target);
  const dir = join(root, `.dist.build-${pid}-${basename(stage.dir).split('-').at(-1)}`);
  renameSync(stage.dir, dir);
  return { dir, site: join(dir, 'site'), previous: join(dir, 'previous') };
};

describe('staging', () => {
  it('is a fresh folder beside the target, named after the build, even when the target is not there yet', () => {
    const nested = join(root, 'out', 'site');
    const one = makeStage(nested);
    const two = makeStage(nested);
    expect(one.dir).not.toBe(two.dir);
    expect(basename(one.dir)).toMatch(new RegExp(`^\\.site\\.build-${process.pid}-\\w+$`));
    expect(readdirSync(join(root, 'out')).sort()).toEqual([basename(one.dir), basename(two.dir)].sort());
  });

  it('publishes by swapping folders, and deletes the old site only once the new one is in place', () => {
    site(target, 'old');
    const stage = makeStage(target);
    site(stage.site, 'new');
    publish(stage, target);
    expect(page()).toBe('new');
    expect(existsSync(stage.dir)).toBe(false);
  });

  it('carries a site from a stage in the project to the stage beside the target, across file systems too', () => {
    const shm = existsSync('/dev/shm') && statSync('/dev/shm').dev !== statSync(root).dev;
    const elsewhere = shm ? mkdtempSync('/dev/shm/staging-') : root;
    try {
      const from = makeStage(join(root, 'dist'));
      site(join(from.site, 'sections'), 'new');
      const to = makeStage(join(elsewhere, 'dist'));
      carry(from, to);
      expect(readFileSync(join(to.site, 'sections', 'index.html'), 'utf8')).toBe('new');
      expect(existsSync(from.dir)).toBe(false);
    } finally {
      if (shm) rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('puts the old site back when the new one cannot be moved into place', () => {
    site(target, 'old');
    const stage = makeStage(target);
    expect(() => publish(stage, target)).toThrow(/ENOENT/);
    expect(page()).toBe('old');
    expect(existsSync(stage.dir)).toBe(false);
  });
});

describe('the next build, after builds that died', () => {
  it('puts back the old site of a build that died between the two renames', () => {
    const stage = stageOf(deadPid());
    site(stage.previous, 'old');
    site(stage.site, 'new');
    expect(settleDeadBuilds(target)).toEqual([{ dir: stage.dir, outcome: 'restored' }]);
    expect(page()).toBe('old');
    expect(readdirSync(root)).toEqual(['dist']);
  });

  it('removes the folders of dead builds and keeps the published site', () => {
    site(target, 'published');
    const before = stageOf(deadPid());
    site(before.site, 'half a site');
    const after = stageOf(deadPid());
    site(after.previous, 'the site before');
    expect(settleDeadBuilds(target).map((s) => s.outcome)).toEqual(['removed', 'removed']);
    expect(page()).toBe('published');
    expect(readdirSync(root)).toEqual(['dist']);
  });

  it("leaves a live build's folder alone, and a dead build's while astro's process group still runs", () => {
    const live = stageOf(process.ppid);
    site(live.previous, 'old');
    const orphaned = stageOf(deadPid());
    // The group of this test's process stands in for an astro that outlived its build.ts.
    const stat = readFileSync('/proc/self/stat', 'utf8');
    recordWriters(orphaned, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]));
    expect(settleDeadBuilds(target)).toEqual([]);
    expect(existsSync(live.previous) && existsSync(orphaned.dir)).toBe(true);
    expect(existsSync(target)).toBe(false);
  });

  it('leaves alone the folders of builds of another target', () => {
    const other = makeStage(join(root, 'dist-base'));
    renameSync(other.dir, join(root, `.dist-base.build-${deadPid()}-abcdef`));
    expect(settleDeadBuilds(target)).toEqual([]);
  });
});
