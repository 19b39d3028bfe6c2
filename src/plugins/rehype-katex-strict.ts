import type { Root } from 'hast';
import type { VFile } from 'vfile';

/**
 * rehype-katex reports TeX it cannot render as a warning and renders red error text in its place.
 * This plugin, placed after it, turns each such warning into a build failure at the formula's line.
 */
export default function rehypeKatexStrict() {
  return (_tree: Root, file: VFile) => {
    const failure = file.messages.find((m) => m.source === 'rehype-katex');
    if (failure) {
      const where = failure.place && 'line' in failure.place ? failure.place : failure.place?.start;
      file.fail(`${failure.reason}: ${failure.cause instanceof Error ? failure.cause.message : String(failure.cause ?? '')}`.trim(), {
        place: where,
        ruleId: 'katex',
        source: 'rehype-katex-strict',
      });
    }
  };
}
