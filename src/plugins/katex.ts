import rehypeKatex from 'rehype-katex';
import 'katex/contrib/mhchem';
import type { KatexOptions } from 'katex';

/** rehype-katex with the edition's options: MathML alongside HTML, errors reported (and made fatal by rehype-katex-strict). */
export const katexOptions: KatexOptions = { output: 'htmlAndMathml', strict: false };
export { rehypeKatex };
