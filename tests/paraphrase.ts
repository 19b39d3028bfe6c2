import { contentFiles, writtenIn } from './content-text.ts';
import { reviewText } from './review.ts';

// Close paraphrase: a sentence that keeps the review's construction and swaps a few words. The copied-text check
// (runs of 12 words) does not see it; word trigrams do. A sentence's score is the share of its distinct word
// trigrams that also stand in the one review sentence it shares most with. Names and numbers overlap by nature;
// a score near 1 means the construction is the review's too.

/** Words as the verbatim check folds them: markup, TeX wrappers and case gone. */
export function words(text: string): string[] {
  const folded = text
    .replace(/<[A-Z][^>]*\/>/g, ' ') // MDX components (<Study id="…" />)
    .replace(/\[@[^\]]*\]/g, ' ') // the edition's citations
    .replace(/\[[\d,\s–-]+\]/g, ' ') // the review's citations
    .replace(/\]\([a-z]+:[^)]*\)/g, ']') // cross-link targets
    .replace(/<\/?(sub|sup|em|i|b|strong)>/g, '')
    .replace(/\\(ce|mathrm|text|textrm|mathit)\b/g, ' ')
    .replace(/\\[a-zA-Z]+/g, ' ')
    .replace(/[{}_^$*`]/g, '')
    .toLowerCase();
  return folded.match(/[a-z0-9]+/g) ?? [];
}

/** Sentences of a piece of prose: split after ., ! or ? before a capital, a formula, a quote or a bracket. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[A-Z$[(“"])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const trigrams = (ws: string[]) => new Set(ws.slice(2).map((_, i) => `${ws[i]} ${ws[i + 1]} ${ws[i + 2]}`));

/** The review's prose sentences (its reference list left out: that is bibliographic fact). */
function reviewSentences(): string[] {
  const prose = reviewText().split('#### References')[0]!;
  return prose.split('\n').flatMap(sentences);
}

export interface Scored {
  /** "content/sections/x.mdx: line 12" or "content/studies/y.yaml: observations[0]". */
  where: string;
  sentence: string;
  /** Share of the sentence's distinct word trigrams found in its closest review sentence, 0–1. */
  score: number;
  /** The closest review sentence. */
  closest: string;
}

/** Sentences shorter than this many words are not scored: their few trigrams are mostly names. */
export const MIN_WORDS = 8;

/**
 * At or above this share a sentence counts as a close paraphrase. Calibrated on the content of 2026-12-03: every
 * sentence scored 0.35 or more kept the review's construction with a few words swapped ("Periodic misfit
 * dislocations formed on the FP side of the PB.", 0.67; "The hollow Li2O2 particles shrank and collapsed into
 * crumpled shells …", 0.37); those below 0.3 shared names, numbers and terms only.
 */
export const THRESHOLD = 0.35;

/** Every prose sentence of the content (sections and records; the reference list excepted), scored. */
export function scoreContent(root = 'content'): Scored[] {
  const review = reviewSentences();
  const index = new Map<string, number[]>();
  review.forEach((s, i) => {
    for (const t of trigrams(words(s))) index.set(t, [...(index.get(t) ?? []), i]);
  });
  return contentFiles(root)
    .filter((file) => !file.endsWith('references.yaml'))
    .flatMap((file) =>
      writtenIn(file)
        // A section's `reviewHeading` quotes the review's own heading, by design; headings are titles, not sentences,
        // and their anchors are published URLs.
        .filter(({ field, text }) => field !== 'reviewHeading' && !/^#{1,6} /.test(text))
        .flatMap(({ field, text }) =>
        sentences(text).flatMap((sentence) => {
          const ws = words(sentence);
          if (ws.length < MIN_WORDS) return [];
          const own = trigrams(ws);
          const shared = new Map<number, number>();
          for (const t of own) for (const i of index.get(t) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
          let best = -1;
          let count = 0;
          for (const [i, n] of shared) if (n > count) [best, count] = [i, n];
          return [{ where: `${file}: ${field}`, sentence, score: count / own.size, closest: best < 0 ? '' : review[best]! }];
        }),
      ),
    );
}

/** Counts of sentences per score band of width 0.1, "0.0–0.1" … "0.9–1.0". */
export function distribution(scored: Scored[]): Record<string, number> {
  const bands: Record<string, number> = {};
  for (let b = 0; b < 10; b++) bands[`${(b / 10).toFixed(1)}–${((b + 1) / 10).toFixed(1)}`] = 0;
  for (const { score } of scored) {
    const b = Math.min(9, Math.floor(score * 10));
    bands[`${(b / 10).toFixed(1)}–${((b + 1) / 10).toFixed(1)}`]! += 1;
  }
  return bands;
}
