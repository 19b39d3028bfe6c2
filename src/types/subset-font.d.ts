// subset-font ships no types: these declare the part of it this edition uses (src/integrations/post-build/katex-fonts.ts).
declare module 'subset-font' {
  export interface SubsetOptions {
    /** The format of the subset; default: the input's. */
    targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype';
  }
  /** The font cut down to the glyphs `text` needs (HarfBuzz's subsetter, run as WebAssembly). */
  export default function subsetFont(font: Uint8Array, text: string, options?: SubsetOptions): Promise<Buffer>;
}
