// fontverter ships no types: these declare the part of it the tests use (tests/site/katex-fonts.test.ts).
declare module 'fontverter' {
  export type FontFormat = 'sfnt' | 'truetype' | 'woff' | 'woff2';
  /** The font in another format (woff2 is decompressed by the WebAssembly build of Google's woff2). */
  export function convert(font: Uint8Array, toFormat: FontFormat, fromFormat?: FontFormat): Promise<Buffer>;
}
