import { readdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { downloadHeaders } from '../../lib/download-types';
import { makeRoutes } from '../../lib/routes';
import { headersFile } from '../../lib/security';
import type { Stage } from './stage';

/**
 * Writes `_headers` for static hosts that read one: the pages' Content-Security-Policy, long caching of
 * content-named files, and each download's Content-Type with its charset.
 */
export const headers: Stage = {
  name: 'headers',
  run({ dir, base }) {
    const files = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
    const asset = makeRoutes(base).asset;
    const downloads = downloadHeaders(files, asset);
    writeFileSync(join(dir, '_headers'), headersFile(asset, downloads));
    return `wrote _headers (the Content-Type of downloads in ${downloads.length / 2} rules)`;
  },
};
