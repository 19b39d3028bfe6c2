// A setup file of the site tests: each test file waits here until the build it checks has ended (tests/site/build.setup.ts).
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';

const outcome = inject('buildOutcome');
for (const end = Date.now() + 600_000; !existsSync(outcome); await sleep(100)) {
  if (Date.now() > end) throw new Error('waited 10 min for the build of the site tests');
}
const { code, output } = JSON.parse(readFileSync(outcome, 'utf8')) as { code: number | string; output: string };
if (code !== 0) throw new Error(`The build for the site tests failed (${code}):\n${output.slice(-3000)}`);
