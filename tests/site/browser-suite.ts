// Vitest-only: kept apart from src/cli/browser.ts, which the bench, a plain Node script, imports as well.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launch } from '../../src/cli/browser';
import { distDir } from './dist';
import { serve } from '../../src/cli/server';

/** For a test file: Chromium and the built site on a loopback port, started before its tests and closed after. */
export function browserAndSite(): { browser: Browser; site: Awaited<ReturnType<typeof serve>> } {
  const env = {} as ReturnType<typeof browserAndSite>;
  beforeAll(async () => {
    env.browser = await launch();
    env.site = await serve(distDir);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.site?.close();
  });
  return env;
}
