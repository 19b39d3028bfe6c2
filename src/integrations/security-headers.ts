import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { headersFile } from '../lib/security';

/** Writes `_headers` (the pages' Content-Security-Policy and more) for static hosts that read one. */
export function securityHeaders(): AstroIntegration {
  return {
    name: 'edition:security-headers',
    hooks: {
      'astro:build:done': ({ dir }) => writeFileSync(fileURLToPath(new URL('_headers', dir)), headersFile()),
    },
  };
}
