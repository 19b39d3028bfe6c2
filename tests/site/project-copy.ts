import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exampleSite } from '../../src/lib/publishing';

const root = resolve('.');
/** Not copied: what the copy links or makes anew, and the staging folders of builds (.dist.build-…). */
const skip = (name: string) => ['node_modules', 'dist', '.astro', '.git', 'coverage'].includes(name) || /^\..+\.build-/.test(name);

/** The publishing variables of the site tests' builds: for publishing, at the example origin, under `/`. */
export const publishedAt = { EDITION_SITE: exampleSite, EDITION_BASE: '/', EDITION_PREVIEW: '' };

/** A build started in the background: its npm process, what it printed so far, and how it ended. */
export interface RunningBuild {
  npm: ChildProcess;
  output: () => string;
  ended: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** A throw-away copy of the project (its node_modules linked, not copied), for builds that must not touch dist/. */
export function copyProject(): {
  dir: string;
  build: (env?: Record<string, string>) => Promise<{ status: number; output: string }>;
  start: (env?: Record<string, string>) => RunningBuild;
  remove: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'edition-'));
  cpSync(root, dir, { recursive: true, filter: (src) => !skip(src.slice(root.length + 1).split('/')[0]!) });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  // The copy publishes into its own dist/ unless the case names another: an EDITION_DIST that points the site
  // tests at an existing build must not leak in, or the copy's build would replace the site under test. It builds
  // as the site tests' build does, unless the case says otherwise.
  const environment = (env: Record<string, string>) => {
    const { EDITION_DIST: _underTest, ...inherited } = process.env;
    return { ...inherited, NO_COLOR: '1', FORCE_COLOR: '0', ...publishedAt, ...env };
  };
  const start = (env: Record<string, string> = {}): RunningBuild => {
    const npm = spawn('npm', ['run', '--silent', 'build'], { cwd: dir, env: environment(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    npm.stdout!.on('data', (d: Buffer) => (output += d));
    npm.stderr!.on('data', (d: Buffer) => (output += d));
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => npm.once('close', (code, signal) => done({ code, signal })));
    return { npm, output: () => output, ended };
  };
  return {
    dir,
    // A build that runs to its end, without blocking the test file's other work (a build started in the background).
    build: async (env = {}) => {
      const run = start(env);
      const { code } = await run.ended;
      return { status: code ?? 1, output: run.output() };
    },
    start,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The processes (pid and command line) whose working folder is `dir` or whose command line names it, from /proc. */
export function processesIn(dir: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
      const cwd = readlinkSync(`/proc/${pid}/cwd`);
      if (cwd === dir || cwd.startsWith(`${dir}/`) || cmdline.includes(dir)) found.push(`${pid} ${cmdline}`);
    } catch {
      // the process ended between the listing and the read
    }
  }
  return found;
}
