import type { AstroIntegration } from 'astro';
import { readPublishing } from '../lib/publishing';

/**
 * Stops `astro build` run without the build command (`npx astro build`) when it would publish the local preview's
 * address: a build says where it is published (EDITION_SITE) or that it is the preview (EDITION_PREVIEW=1).
 * `astro dev`, `astro sync` and the unit tests load the configuration without either.
 */
export function publishingCheck(env: Record<string, string | undefined> = process.env): AstroIntegration {
  return {
    name: 'edition:publishing',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command === 'build') readPublishing(env, { build: true });
      },
    },
  };
}
