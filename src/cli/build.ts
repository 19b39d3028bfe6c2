// Atomic build: astro builds into a staging folder of this build's own (site, search index, output checks); only when
// all of it succeeds does the staged site replace dist/, by renames in a folder beside it (./build/staging.ts). A
// failed or cancelled build publishes nothing and leaves the last good dist/ as it was.
//
// Cancelling: SIGINT, SIGTERM or SIGHUP to this process (npm forwards the first two to it) is passed on to astro's
// process group, and nothing is renamed after it. This process also ends the build when whatever started it dies
// (npm killed with SIGKILL), and astro, in a process group of its own, kills that group when this process dies
// (./build/astro-guard.ts). The staging folders of builds that died are settled when the next build starts.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { readPublishing } from '../lib/publishing.ts';
import { onParentDeath } from './build/parent-death.ts';
import { carry, makeStage, publish, recordWriters, settle, settleDeadBuilds, type Stage } from './build/staging.ts';

const distSetting = process.env.EDITION_DIST;
const dist = resolve(distSetting || 'dist');
const project = process.cwd();
const unchanged = () => (existsSync(dist) ? `${dist} is unchanged` : 'no site was written');

function fail(message: string, code = 1): never {
  console.error(`\n${message}`);
  process.exit(code);
}

// The folder the site replaces must be neither the project nor one that holds it: an empty EDITION_DIST resolves to
// the project folder, and publishing there would put the site in place of the sources.
if (distSetting !== undefined && distSetting.trim() === '') fail('Build failed: EDITION_DIST is set but empty: unset it to publish to dist/, or name the folder to publish to.\nNothing was built.');
if (project === dist || project.startsWith(`${dist}${sep}`)) fail(`Build failed: EDITION_DIST="${distSetting}" is ${project === dist ? 'the project folder' : `a folder that holds the project (${project})`}: the site would replace it.\nNothing was built.`);

// Where the site is published (EDITION_SITE, EDITION_BASE) or that it is the local preview (EDITION_PREVIEW=1),
// checked before anything is staged: a build without an origin would publish the preview's address.
try {
  readPublishing(process.env, { build: true });
} catch (error) {
  fail(`Build failed: ${(error as Error).message}\nNothing was built; ${unchanged()}.`);
}

// Astro builds inside the project: with an output folder elsewhere it stages in the project's .astro/ (one path
// for every build) and moves files out with renames, which fail across file systems. A target outside the project
// gets a second stage in the project, whose site is carried over (copied across file systems) once astro is done.
const inProject = (path: string) => path.startsWith(`${project}${sep}`);
const local = inProject(dist) ? dist : join(project, basename(dist));
let stage: Stage;
let astroStage: Stage;
try {
  for (const target of new Set([dist, local])) {
    for (const { dir, outcome } of settleDeadBuilds(target)) {
      console.log(outcome === 'restored' ? `Put back ${target} from an interrupted build (${dir}).` : `Removed ${dir}, left by a build that died.`);
    }
  }
  stage = makeStage(dist);
  astroStage = local === dist ? stage : makeStage(local);
} catch (error) {
  fail(`Build failed: cannot stage beside ${dist}: ${(error as Error).message}`);
}
const settleAll = () => {
  if (astroStage !== stage) settle(astroStage, local);
  settle(stage, dist);
};

// Astro caches rendered MDX across builds and does not notice when an option the plugins read (the base path)
// changed: every build starts cold, so that what it publishes depends only on the sources.
rmSync(resolve('.astro/cache'), { recursive: true, force: true });
// Astro lets process.env override `import.meta.env`: a BASE_URL or SITE left in the environment (test runners set
// BASE_URL=/) would silently replace the base path and origin that EDITION_BASE and EDITION_SITE configure.
const env: NodeJS.ProcessEnv = { ...process.env, EDITION_OUT_DIR: astroStage.site, EDITION_BUILD_PID: String(process.pid), ASTRO_TELEMETRY_DISABLED: '1' };
for (const name of ['BASE_URL', 'SITE', 'ASSETS_PREFIX', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[name];

/** Astro's process group, once it runs; the first signal that cancelled the build. */
let group: number | undefined;
let cancelled: NodeJS.Signals | undefined;
const signalGroup = (signal: NodeJS.Signals) => {
  if (group === undefined) return;
  try {
    process.kill(-group, signal);
  } catch {
    // the group has ended
  }
};
const cancel = (signal: NodeJS.Signals) => {
  cancelled ??= signal;
  signalGroup(signal);
  // A group that has not ended 5 s after the signal is killed.
  setTimeout(() => signalGroup('SIGKILL'), 5000).unref();
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, cancel);
// npm killed with SIGKILL, or a shell between npm and this process killed: hang up, as a closed terminal would.
onParentDeath(() => cancel('SIGHUP'));

// Astro runs under this Node, as the leader of a new process group (detached), with the guard that kills that group
// should this process die.
const astroPackage = createRequire(import.meta.url).resolve('astro/package.json');
const astroBin = join(dirname(astroPackage), (JSON.parse(readFileSync(astroPackage, 'utf8')) as { bin: { astro: string } }).bin.astro);
const guard = join(import.meta.dirname, 'build', 'astro-guard.ts');
const astro = spawn(process.execPath, ['--import', guard, astroBin, 'build', ...process.argv.slice(2)], { stdio: 'inherit', env, detached: true });
group = astro.pid!;
recordWriters(astroStage, group);

const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done, error) => {
  astro.once('exit', (c, s) => done([c, s]));
  astro.once('error', error);
}).catch((error: Error) => fail(`Build failed: cannot start astro: ${error.message}`));
// Whatever astro started and left behind (esbuild, Pagefind) goes with it.
signalGroup('SIGKILL');

if (!cancelled && code === 0 && astroStage !== stage) {
  try {
    carry(astroStage, stage);
  } catch (error) {
    settleAll();
    fail(`Build failed: the new site could not be carried to ${dirname(dist)} (${(error as Error).message}); ${unchanged()}.`);
  }
  // A signal that came while the site was carried over is handled before anything is renamed.
  await new Promise((next) => setImmediate(next));
}
if (cancelled) {
  settleAll();
  // Output may no longer have a reader (the parent died): a failed write must not turn into a crash.
  process.stderr.on('error', () => {});
  console.error(`\nBuild cancelled (${cancelled}): nothing was published; ${unchanged()}.`);
  // Exit by the same signal, so that npm and shells see a cancelled build, not a failed one.
  process.removeAllListeners(cancelled);
  process.kill(process.pid, cancelled);
} else if (code !== 0) {
  settleAll();
  fail(`Build failed${signal ? ` (astro ended by ${signal})` : ''}: ${unchanged()}.`, code ?? 1);
} else {
  try {
    publish(stage, dist);
  } catch (error) {
    fail(`Build failed: the new site could not be put in place (${(error as Error).message}); ${unchanged()}.`);
  }
  console.log(`Published ${dist}`);
}
