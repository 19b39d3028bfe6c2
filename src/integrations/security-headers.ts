import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { makeRoutes } from '../lib/routes';
import { headersFile } from '../lib/security';

/** Writes `_headers` (the pages' Content-Security-Policy, and long caching of content-named files) for static hosts that read one. */
export function securityHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'edition:security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir }) => writeFileSync(fileURLToPath(new URL('_headers', dir)), headersFile(makeRoutes(base).asset)),
    },
  };
}
