import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { filesIn } from '../site/dist';
import { escapeRegExp } from '../../src/shared/regexp';
import { reviewText } from '../review';
import { contentFiles as listContentFiles, writtenIn } from '../content-text';

// The edition restates the review's numbers; it must not change one. These tests read the content as written
// (YAML records and MDX sections) and look each number up in the review's text.

/** TeX and typography reduced to what the review's text shows: `$\mu$m` → `µm`, `10^{-4}` → `10^-4`. */
function plain(s: string): string {
  return s
    .replace(/\$/g, '')
    .replace(/\\mu\b\s*/g, 'µ')
    .replace(/μ/g, 'µ')
    .replace(/\\(?:mathrm|text|mathit|ce)\{([^{}]*)\}/g, '$1')
    .replace(/\\(?:sim|approx)\b/g, '~')
    .replace(/[−–]/g, '-')
    .replace(/[{}]/g, '')
    .replace(/\s+/g, ' ');
}

const WORDS: Record<string, string> = {
  one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  eleven: '11', twelve: '12', dozen: '12', twenty: '20', fifty: '50', hundred: '100',
};

/** The review's text, plain, with numbers it spells out as words also written in digits ("three cycles" → "3 cycles"). */
function reviewPlain(): string {
  return plain(reviewText()).replace(/\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|twenty|fifty|hundred)\b/gi, (w) => WORDS[w.toLowerCase()]!);
}

/** Numbers as tokens: "3860", "1.5", "0.6" (a decimal comma, as in "Li_{1,2}", read as a point). */
const NUMBER = /(?<![\d.])\d+(?:[.,]\d+)?(?![\d])/g;
const numbersIn = (s: string) => [...s.matchAll(NUMBER)].map((m) => m[0].replace(',', '.'));

const contentFiles = listContentFiles();

describe('the numbers are the review’s', () => {
  it('every number the content writes occurs in the review', () => {
    const review = new Set(numbersIn(plain(reviewText())));
    expect(review.size).toBeGreaterThan(500);
    const unknown = contentFiles.flatMap((file) =>
      writtenIn(file).flatMap(({ field, text }) =>
        numbersIn(
          plain(
            text
              // the edition's own section numbers, checked against the sections at build time
              .replace(/\[Sections? [\d.]+\]\(section:[a-z0-9-]+\)/g, '')
              // the ids in cross-links ("material:li2s")
              .replace(/\]\([a-z]+:[a-z0-9-]+\)/g, ']'),
          ),
        )
          .filter((n) => !review.has(n))
          .map((n) => `${file}: ${field}: ${n}`),
      ),
    );
    expect(contentFiles.length).toBeGreaterThan(150);
    expect(unknown).toEqual([]);
  });

  it('every quantity of a study or a material stands beside its unit in the review', () => {
    const review = reviewPlain();
    const quantities = contentFiles
      .filter((f) => /content\/(studies|materials)\//.test(f))
      .flatMap((file) => {
        const data = parseYaml(readFileSync(file, 'utf8')) as { quantities?: Q[]; properties?: Q[] };
        return [...(data.quantities ?? []), ...(data.properties ?? [])].map((q) => ({ file, ...q }));
      });
    expect(quantities.length).toBeGreaterThan(100);
    const unseen = quantities.flatMap(({ file, quantity, value, unit = '' }) => {
      // The unit's first word ("mAh" of "mAh g^-1", "V" of "V vs. Li/Li+"), as a word; "%" as it is.
      const word = plain(unit).trim().split(/[\s^]/)[0] ?? '';
      const after = !word ? '' : /^\w/.test(word) ? `.{0,40}?(?<![A-Za-zµ])${escapeRegExp(word)}(?![A-Za-z])` : `.{0,40}?${escapeRegExp(word)}`;
      return numbersIn(plain(value))
        .filter((n) => !new RegExp(`(?<![\\d.,])${escapeRegExp(n).replace('\\.', '[.,]')}(?!\\d)${after}`).test(review))
        .map((n) => `${file}: ${quantity}: ${n} ${unit}`);
    });
    expect(unseen).toEqual([]);
  });
});

describe('the reactions are the review’s', () => {
  it('every reaction is written as the review writes it, species, coefficients and arrows alike', () => {
    // Both reduced to their characters: "$8Li_2S \rightarrow S_8 + 16Li$" and "8Li2S -> S8 + 16Li" are "8Li2S->S8+16Li".
    const chemical = (s: string) =>
      s
        .replace(/\\(?:long)?rightarrow|→/g, '->')
        .replace(/−/g, '-')
        .replace(/\\(?:mathrm|text|ce)\{([^{}]*)\}/g, '$1')
        .replace(/<\/?su[bp]>/g, '')
        .replace(/[\s${}_^\\]/g, '');
    const review = chemical(reviewText());
    const reactions = filesIn('content/reactions', '.yaml').map((file) => ({ file, tex: (parseYaml(readFileSync(file, 'utf8')) as { tex: string }).tex }));
    expect(reactions.length).toBeGreaterThan(10);
    expect(reactions.filter(({ tex }) => !review.includes(chemical(tex))).map(({ file, tex }) => `${file}: ${tex}`)).toEqual([]);
  });
});

describe('the studies are the review’s', () => {
  it('names a study’s authors as the review does, and the review’s next citation after that name is the study’s', () => {
    // The review's running text, its reference list left out (an entry such as "[85] Z. Yang et al." names the
    // authors too).
    const text = reviewText().split('\n').filter((line) => !/^(?:- )?\[\d+\] /.test(line)).join('\n');
    /** The numbers of the first citation after each place the review writes `name`. */
    const citedAfter = (name: string) =>
      [...text.matchAll(new RegExp(escapeRegExp(name), 'g'))].map((m) => {
        const citation = new RegExp(CITATION.source, 'g');
        citation.lastIndex = m.index + name.length;
        return citedIn(citation.exec(text)?.[0] ?? '');
      });
    const named = filesIn('content/studies', '.yaml').flatMap((file) => {
      const study = parseYaml(readFileSync(file, 'utf8')) as { title: string; references: number[] };
      // "Tan et al.: graphene-encapsulated …", "Cui's group: …"; other titles name the system only.
      const name = /^(.+?(?: et al\.|'s group)):/.exec(study.title)?.[1];
      return name ? [{ file, name, references: study.references }] : [];
    });
    expect(named.length).toBeGreaterThan(30);
    const unmatched = named.filter(({ name, references }) => !citedAfter(name).some((cited) => cited.some((n) => references.includes(n))));
    expect(unmatched.map(({ file, name, references }) => `${file}: ${name} [${references.join(', ')}]`)).toEqual([]);
  });
});

describe('the figure panels are the review’s', () => {
  it('every panel a study points to (“Fig. 4b”) is reproduced, in the review’s caption, from the study’s reference', () => {
    const lines = reviewText().split('\n');
    // The captions, in order: one per figure, each the line that credits its panels ("Reproduced with permission
    // [173]"). The text the edition was made from lacks the heading of one figure, so they are counted, not looked up.
    const captions = lines.filter((line) => line.includes('Reproduced with permission'));
    const figures = Math.max(...lines.flatMap((line) => /^(?:#+ )?FIGURE (\d+)\s*$/.exec(line)?.[1] ?? []).map(Number));
    expect(captions).toHaveLength(figures);
    /** Panel letter → the reference numbers its part of the caption cites. */
    const panels = (caption: string) => {
      const parts = caption.split(/\(([a-z])\)\s/);
      const out = new Map<string, number[]>();
      for (let i = 1; i < parts.length - 1; i += 2) out.set(parts[i]!, [...(out.get(parts[i]!) ?? []), ...citedIn(parts[i + 1]!)]);
      return out;
    };
    const studies = filesIn('content/studies', '.yaml').map((file) => ({ file, ...(parseYaml(readFileSync(file, 'utf8')) as { figures?: string[]; references: number[] }) }));
    const checked = studies.flatMap(({ file, figures = [], references }) =>
      figures.flatMap((figure) => {
        const [, n, letters] = /^Fig\. (\d+)([a-z]+)$/.exec(figure) ?? [];
        if (!n || !letters) return [`${file}: "${figure}" is not written "Fig. <n><panel>"`];
        const caption = captions[Number(n) - 1];
        return [...letters].map((letter) => {
          const cited = caption === undefined ? undefined : panels(caption).get(letter);
          if (!cited) return `${file}: ${figure}: the review has no panel (${letter}) in Fig. ${n}`;
          return cited.some((c) => references.includes(c)) ? '' : `${file}: ${figure}: panel (${letter}) is reproduced from [${cited.join(', ')}], not from [${references.join(', ')}]`;
        });
      }),
    );
    expect(checked.length).toBeGreaterThan(30);
    expect(checked.filter(Boolean)).toEqual([]);
  });
});

/** A citation in the review's text: "[47, 196]", "[165–168]", "[100-107]". */
const CITATION = /\[([\d,\s–-]+)\]/;

/** The reference numbers the citations in a piece of the review's text cover, ranges expanded. */
function citedIn(text: string): number[] {
  return [...text.matchAll(new RegExp(CITATION.source, 'g'))].flatMap((m) =>
    m[1]!.split(',').flatMap((part) => {
      const [from, to = from] = part.trim().split(/\s*[–-]\s*/).map(Number);
      return Array.from({ length: to! - from! + 1 }, (_, i) => from! + i);
    }),
  );
}

interface Q {
  quantity: string;
  value: string;
  unit?: string;
}

