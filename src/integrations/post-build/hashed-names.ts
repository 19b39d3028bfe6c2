// The names of the files the post-build stages write: `<stem>.<hash>.<ext>`, the hash of their content, as Vite names
// the files under `_astro/` (which `_headers` lets browsers keep for a year).
import { createHash } from 'node:crypto';

/** Eight characters of the SHA-256 of a file's content (base64url), as in `katex.V-Otgmir.css`. */
export const contentHash = (content: Uint8Array | string) => createHash('sha256').update(content).digest('base64url').slice(0, 8);

/** A built file's name without its content hash (`Base.usbdPAn3.css` → `Base`, `css`); throws on a name without one. */
export function hashedStem(name: string): { stem: string; ext: string } {
  const m = /^(.+)\.[\w-]{8}\.(\w+)$/.exec(name);
  if (!m) throw new Error(`${name} has no content hash in its name`);
  return { stem: m[1]!, ext: m[2]! };
}
