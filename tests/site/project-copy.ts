import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve('.');
const skip = new Set(['node_modules', 'dist', '.stage', '.astro', '.git', 'coverage']);

/** A throw-away copy of the project (its node_modules linked, not copied), for builds that must not touch dist/. */
export function copyProject(): { dir: string; build: (env?: Record<string, string>) => { status: number; output: string }; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'edition-'));
  cpSync(root, dir, { recursive: true, filter: (src) => !skip.has(src.slice(root.length + 1).split('/')[0]!) });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  return {
    dir,
    build: (env = {}) => {
      // The copy publishes into its own dist/ unless the case names another: an EDITION_DIST that points the site
      // tests at an existing build must not leak in, or the copy's build would replace the site under test.
      const { EDITION_DIST: _underTest, ...inherited } = process.env;
      const run = spawnSync('npm', ['run', '--silent', 'build'], { cwd: dir, encoding: 'utf8', env: { ...inherited, NO_COLOR: '1', FORCE_COLOR: '0', ...env } });
      return { status: run.status ?? 1, output: `${run.stdout}\n${run.stderr}` };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
