import { describe, expect, it } from 'vitest';
import { scoreContent, sentences, THRESHOLD, words } from '../paraphrase';

describe('written anew, sentence by sentence', () => {
  it('scores a sentence that keeps the review’s construction at or above the threshold, and one that does not below it', () => {
    // Both about the same observation of the review ([120]); the first swaps two words of the review's sentence.
    const swapped = scoreFor('Periodic misfit dislocations formed on the FP side of the PB in every crystal.');
    const rewritten = scoreFor('On the side of the boundary facing FP, misfit dislocations appeared at regular spacings.');
    expect(swapped).toBeGreaterThanOrEqual(THRESHOLD);
    expect(rewritten).toBeLessThan(0.3);
  });

  it('reads words and sentences as the copied-text check does', () => {
    expect(words('[$\\ce{Li2O}$](material:li2o) grew [@83, 85] on Li<sub>2</sub>S')).toEqual(['li2o', 'grew', 'on', 'li2s']);
    expect(sentences('It grew (Fig. 2a). Then $\\ce{Li2O}$ formed. “Holy grail”, they say.')).toHaveLength(3);
  });

  it('no sentence of the content is a close paraphrase of the review’s', () => {
    const scored = scoreContent();
    expect(scored.length).toBeGreaterThan(1000);
    const close = scored.filter((s) => s.score >= THRESHOLD).map((s) => `${s.score.toFixed(2)} ${s.where}: ${s.sentence}`);
    expect(close, 'rewrite these (npx node tests/paraphrase-report.ts shows the review’s sentence)').toEqual([]);
  });
});

/** The score of one sentence, measured as the content's are. */
function scoreFor(sentence: string): number {
  return scoreContent('tests/fixtures/paraphrase').find((s) => s.sentence === sentence)?.score ?? Number.NaN;
}
