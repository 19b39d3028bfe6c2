import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { filesIn } from './dist';

/**
 * What a built file holds, unpacked: a gzipped file (Pagefind's index, fragments and wasm) its content, a zip (the
 * EPUB) each entry's name and content in turn, passed through `read`; any other file its bytes, through `read`.
 */
export function unpacked(bytes: Buffer, read: (bytes: Buffer) => Buffer = (b) => b): Buffer {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return read(gunzipSync(bytes));
  if (bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) {
    return Buffer.concat(Object.entries(unzipSync(bytes)).flatMap(([name, data]) => [Buffer.from(`${name}\0`), read(Buffer.from(data)), Buffer.from('\0')]));
  }
  return read(bytes);
}

/** Loopback addresses as a URL or a text would write them. */
const loopback = /127\.0\.0\.1|localhost|\[::1\]|0\.0\.0\.0/gi;

/**
 * Every loopback address in the files of a built site, as "file: address …", reading gzipped and zipped files
 * unpacked (`unpacked`).
 */
export function loopbackAddresses(dir: string): string[] {
  return filesIn(dir, '').flatMap((file) => {
    const text = unpacked(readFileSync(file)).toString('latin1');
    return [...text.matchAll(loopback)].map((m) => `${relative(dir, file)}: ${text.slice(Math.max(0, m.index - 40), m.index + 40)}`);
  });
}
