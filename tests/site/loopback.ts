import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { filesIn } from './dist';

/** Loopback addresses as a URL or a text would write them. */
const loopback = /127\.0\.0\.1|localhost|\[::1\]|0\.0\.0\.0/gi;

/**
 * Every loopback address in the files of a built site, as "file: address …", reading gzipped files (Pagefind's
 * index, fragments and wasm) as well as unpacked.
 */
export function loopbackAddresses(dir: string): string[] {
  return filesIn(dir, '').flatMap((file) => {
    const bytes = readFileSync(file);
    const text = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes).toString('latin1') : bytes.toString('latin1');
    return [...text.matchAll(loopback)].map((m) => `${relative(dir, file)}: ${text.slice(Math.max(0, m.index - 40), m.index + 40)}`);
  });
}
