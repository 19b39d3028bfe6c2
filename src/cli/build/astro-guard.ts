// Loaded into the astro process that src/cli/build.ts starts (`node --import`). build.ts makes astro the leader of
// its own process group; should build.ts die without a chance to stop it (SIGKILL, a crash), the whole group (astro,
// and esbuild or Pagefind under it) is killed, so that nothing goes on writing into the dead build's staging folder.
import { onParentDeath } from './parent-death.ts';

// build.ts names itself, in case it died before this module was loaded.
onParentDeath(() => process.kill(-process.pid, 'SIGKILL'), Number(process.env.EDITION_BUILD_PID) || process.ppid);
