// Vitest-only: kept apart from browser.ts, which plain Node scripts (the bench) import as well.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launch } from './browser';
import { distDir } from './dist';
import { serve } from './server';

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
