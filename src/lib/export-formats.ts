import type { CslItem } from './citation';

/**
 * BibTeX and RIS written from the edition's CSL-JSON items, field by field, so that the three formats carry one key,
 * the same fields and nothing twice. The CSL title markup (`<i>`, `<span class="nocase">`) is the one source of the
 * titles' italics and case protection: BibTeX gets `\emph{}` and braces, RIS the plain text.
 */

/** CSL type → BibTeX entry type read the same way by plain.bst, biblatex/biber and citeproc. */
const bibtexTypes: Record<string, string> = { chapter: 'incollection', book: 'book', 'article-journal': 'article' };
/** CSL type → RIS type: the edition is electronic (ECHAP and EBOOK, whose M1 is the chapter number). */
const risTypes: Record<string, string> = { chapter: 'ECHAP', book: 'EBOOK', 'article-journal': 'JOUR' };

const BIBTEX_SPECIAL = /[&%$#_]/g;
const bibtexText = (s: string) => s.replace(/\\/g, '\\textbackslash{}').replace(BIBTEX_SPECIAL, (c) => `\\${c}`);

/**
 * A CSL title as BibTeX: `<i>x</i>` → `\emph{x}`, a nocase span → a brace group, and every word but the first that
 * holds a capital or a digit (a name, an acronym, a formula) in braces, so no style changes its case.
 */
export function bibtexTitle(title: string): string {
  let first = true;
  return title
    .split(/(<span class="nocase">.*?<\/span>|<i>.*?<\/i>)/)
    .map((part) => {
      if (part.startsWith('<span class="nocase"><i>')) {
        // Italics kept from case change: pandoc drops braces around \emph{} (its emphasis has no nocase), so the
        // braces go inside it, after the first word, which no style changes ("\emph{in {situ}}").
        const [head, ...rest] = bibtexText(part.slice(24, -11)).split(' ');
        first = false;
        return `\\emph{${head}${rest.length ? ` {${rest.join(' ')}}` : ''}}`;
      }
      if (part.startsWith('<span class="nocase">')) {
        first = false;
        return `{${bibtexTitle(part.slice(21, -7))}}`;
      }
      if (part.startsWith('<i>')) {
        const inner = bibtexTitle(part.slice(3, -4));
        first = false;
        return `\\emph{${inner}}`;
      }
      return part
        .split(/(\s+)/)
        .map((word) => {
          if (/^\s*$/.test(word)) return word;
          const protect = !first && /[\p{Lu}\d]/u.test(word);
          first = false;
          return protect ? `{${bibtexText(word)}}` : bibtexText(word);
        })
        .join('');
    })
    .join('');
}

/** A CSL title without its markup. */
export const plainTitle = (s: string) => s.replace(/<[^>]+>/g, '');
const plain = plainTitle;

const bibtexName = (a: NonNullable<CslItem['author']>[number]) =>
  a.literal === 'others' ? 'others' : a.literal ? `{${bibtexText(a.literal)}}` : [a.family, a.given].filter(Boolean).map((p) => bibtexText(p!)).join(', ');

const dateParts = (item: CslItem) => item.issued?.['date-parts'][0] ?? [];
const pad = (n: number) => String(n).padStart(2, '0');

/** One CSL item as a BibTeX entry; its key is the item's id. */
export function toBibtex(item: CslItem): string {
  const [year, month, day] = dateParts(item);
  const container = item['container-title'];
  const fields: [string, string | undefined][] = [
    ['author', item.author?.map(bibtexName).join(' and ')],
    ['title', item.title && bibtexTitle(item.title)],
    [item.type === 'article-journal' ? 'journal' : 'booktitle', container && (item.type === 'article-journal' ? bibtexText(container) : bibtexTitle(container))],
    ['chapter', item['chapter-number'] as string | undefined],
    ['volume', item.volume],
    ['pages', item.page?.replace(/\s*[-–]\s*/, '--')],
    ['version', item.version],
    // biblatex reads the full date; classic BibTeX has only a year and a numeric month.
    ['date', year && month && day ? `${year}-${pad(month)}-${pad(day)}` : undefined],
    ['year', year ? String(year) : undefined],
    ['month', month ? String(month) : undefined],
    ['url', item.URL],
    ['keywords', item.keyword as string | undefined],
    ['note', item.note && bibtexText(item.note)],
  ];
  const body = fields.filter(([, v]) => v).map(([k, v]) => `  ${k} = {${v}},`);
  return `@${bibtexTypes[item.type] ?? 'misc'}{${item.id},\n${body.join('\n')}\n}\n`;
}

/** One CSL item as an RIS record; its ID is the item's id. */
export function toRis(item: CslItem): string {
  const [year, month, day] = dateParts(item);
  const [first, last] = (item.page ?? '').split(/\s*[-–]\s*/);
  const authors = (item.author ?? []).filter((a) => a.literal !== 'others');
  // RIS has no mark for an incomplete author list: the review's "et al." goes into the note.
  const etAl = item.author?.some((a) => a.literal === 'others') ? 'The review lists further authors as "et al."' : undefined;
  const notes = [item.version && `Version ${item.version}.`, etAl, item.note].filter(Boolean);
  const tags: [string, string | undefined][] = [
    ['TY', risTypes[item.type] ?? 'GEN'],
    ['ID', item.id],
    ...authors.map((a): [string, string] => ['AU', a.literal ?? [a.family, a.given].filter(Boolean).join(', ')]),
    ['TI', item.title && plain(item.title)],
    ['T2', item['container-title'] && plain(item['container-title'])],
    ['M1', item['chapter-number'] as string | undefined],
    ['VL', item.volume],
    ['SP', first || undefined],
    ['EP', last || undefined],
    ['PY', year ? String(year) : undefined],
    ['DA', year ? `${year}/${month ? pad(month) : ''}/${day ? pad(day) : ''}/` : undefined],
    ['UR', item.URL],
    ...String(item.keyword ?? '').split(',').map((k): [string, string] => ['KW', k.trim()]),
    ['N1', notes.length ? notes.join(' ') : undefined],
  ];
  return `${tags.filter(([, v]) => v).map(([t, v]) => `${t}  - ${v}`).join('\n')}\nER  - \n`;
}
