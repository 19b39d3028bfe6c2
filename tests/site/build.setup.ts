import { spawn } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { launchServer } from '../../src/cli/browser';
import { publishedAt } from './project-copy';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The file the build for the site tests writes its outcome to when it ends (tests/site/built.ts waits for it). */
    buildOutcome: string;
    /** The WebSocket address of the Chromium the site tests share (tests/site/browser-suite.ts). */
    chromium: string;
  }
}

/**
 * Builds the site once for the site tests, unless EDITION_DIST names an existing build to check: a build for
 * publishing, at the example origin, so that the tests check what gets published. The build runs in the background
 * while the unit tests run (they come first: `sequence.groupOrder` in vitest.config.ts); each site test file waits
 * for its outcome (tests/site/built.ts). Chromium starts here too, once, for every file that drives it.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'edition-build-'));
  const outcome = join(dir, 'outcome.json');
  project.provide('buildOutcome', outcome);
  // Written whole, then renamed into place: a test file never reads half of it.
  const settle = (code: number | string, output: string) => {
    writeFileSync(`${outcome}.part`, JSON.stringify({ code, output }));
    renameSync(`${outcome}.part`, outcome);
  };
  let build: ReturnType<typeof spawn> | undefined;
  let ended: Promise<unknown> = Promise.resolve();
  if (process.env.EDITION_DIST) settle(0, '');
  else {
    build = spawn('npm', ['run', '--silent', 'build'], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...publishedAt } });
    let output = '';
    build.stderr!.on('data', (d: Buffer) => {
      output += d;
      process.stderr.write(d);
    });
    ended = new Promise((done) => build!.once('close', (code, signal) => done(settle(code ?? signal ?? 1, output))));
  }
  const chromium = await launchServer();
  project.provide('chromium', chromium.wsEndpoint());
  return async () => {
    // A run that ends before the build does (a file filter, Ctrl-C) cancels it, and waits for it to end.
    if (build && build.exitCode === null && build.signalCode === null) build.kill('SIGTERM');
    await ended;
    await chromium.close();
    rmSync(dir, { recursive: true, force: true });
  };
}
