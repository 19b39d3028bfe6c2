// Atomic build: astro builds into a staging folder (site, search index, output checks); only when all of it
// succeeds does the staged site replace dist/. A failed build leaves the last good dist/ as it was.
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const dist = resolve(process.env.EDITION_DIST ?? 'dist');
const stage = resolve('.stage');
const staged = resolve(stage, 'dist');
const previous = resolve(stage, 'previous');

rmSync(stage, { recursive: true, force: true });
// Astro caches rendered MDX across builds and does not notice when an option the plugins read (the base path)
// changed: every build starts cold, so that what it publishes depends only on the sources.
rmSync(resolve('.astro/cache'), { recursive: true, force: true });
// Astro lets process.env override `import.meta.env`: a BASE_URL or SITE left in the environment (test runners set
// BASE_URL=/) would silently replace the base path and origin that EDITION_BASE and EDITION_SITE configure.
const env: NodeJS.ProcessEnv = { ...process.env, EDITION_OUT_DIR: staged, ASTRO_TELEMETRY_DISABLED: '1' };
for (const name of ['BASE_URL', 'SITE', 'ASSETS_PREFIX', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[name];
const astro = spawnSync('astro', ['build', ...process.argv.slice(2)], { stdio: 'inherit', env });
if (astro.status !== 0) {
  rmSync(stage, { recursive: true, force: true });
  console.error(`\nBuild failed: ${existsSync(dist) ? `${dist} is unchanged` : 'no site was written'}.`);
  process.exit(astro.status ?? 1);
}
if (existsSync(dist)) renameSync(dist, previous);
renameSync(staged, dist);
rmSync(stage, { recursive: true, force: true });
console.log(`Published ${dist}`);
