import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeRoutes } from '../../lib/routes';
import { headersFile } from '../../lib/security';
import type { Stage } from './stage';

/** Writes `_headers` (the pages' Content-Security-Policy, and long caching of content-named files) for static hosts that read one. */
export const headers: Stage = {
  name: 'headers',
  run({ dir, base }) {
    writeFileSync(join(dir, '_headers'), headersFile(makeRoutes(base).asset));
    return 'wrote _headers';
  },
};
