// Prints how closely the content's sentences follow the review's (tests/paraphrase.ts): the distribution of scores
// and every sentence at or above a threshold, with its closest review sentence.
// usage: node tests/paraphrase-report.ts [threshold, default THRESHOLD] [path-filter]
import { distribution, MIN_WORDS, scoreContent, THRESHOLD } from './paraphrase.ts';

const threshold = Number(process.argv[2] ?? THRESHOLD);
const filter = process.argv[3] ?? '';
const scored = scoreContent().filter((s) => s.where.includes(filter));
console.log(`${scored.length} sentences of ${MIN_WORDS} words or more`);
for (const [band, n] of Object.entries(distribution(scored))) console.log(`${band}  ${String(n).padStart(5)}`);
const over = scored.filter((s) => s.score >= threshold).sort((a, b) => b.score - a.score);
console.log(`\n${over.length} at or above ${threshold}:`);
for (const s of over) console.log(`\n${s.score.toFixed(2)} ${s.where}\n  edition: ${s.sentence}\n  review:  ${s.closest}`);
