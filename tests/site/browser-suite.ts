// Vitest-only: kept apart from src/cli/browser.ts, which the bench, a plain Node script, imports as well.
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { distDir } from './dist';
import { serve } from '../../src/cli/server';

/** The Chromium that the site tests share (started once, by tests/site/build.setup.ts), connected to from this file. */
export const connect = (): Promise<Browser> => chromium.connect(inject('chromium'));

/**
 * For a test file: the shared Chromium and the built site on a loopback port, connected and started before its tests,
 * and closed after (closing a connected browser closes the contexts and pages this file opened in it).
 */
export function browserAndSite(): { browser: Browser; site: Awaited<ReturnType<typeof serve>> } {
  const env = {} as ReturnType<typeof browserAndSite>;
  beforeAll(async () => {
    env.browser = await connect();
    env.site = await serve(distDir);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.site?.close();
  });
  return env;
}
