import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import type { ReferenceData } from '../schemas/reference';

/** A CSL-JSON item, as citation-js reads and writes it. */
export interface CslItem {
  id: string;
  type: string;
  'citation-key'?: string;
  title?: string;
  author?: { given?: string; family?: string; literal?: string }[];
  'container-title'?: string;
  'container-title-short'?: string;
  volume?: string;
  page?: string;
  issued?: { 'date-parts': number[][] };
  URL?: string;
  version?: string;
  note?: string;
  [field: string]: unknown;
}

/** Parses BibTeX into CSL-JSON items (citation-js). */
export function parseBibtex(bibtex: string): CslItem[] {
  return new Cite(bibtex).data as CslItem[];
}

/** The export formats of the edition, each produced by citation-js from CSL-JSON. */
export const exportFormats = {
  bib: { label: 'BibTeX', mime: 'application/x-bibtex' },
  ris: { label: 'RIS', mime: 'application/x-research-info-systems' },
  json: { label: 'CSL-JSON', mime: 'application/vnd.citationstyles.csl+json' },
} as const;
export type ExportFormat = keyof typeof exportFormats;

/** Formatted citations in the styles citation-js ships: author–date (APA) and numeric (Vancouver). */
export const citationStyles = { apa: 'APA (author–date)', vancouver: 'Vancouver (numeric)' } as const;
export type CitationStyle = keyof typeof citationStyles;

const clean = (items: CslItem[]) => items.map(({ _graph: _g, ...rest }) => rest);

/**
 * citation-js breaks RIS values every 70 characters, mid-word, onto lines without a tag. Reference managers read such
 * a line as a new value or join it with a space ("Wi nter"); the RIS they import takes long lines, so the breaks
 * are undone: a line without a tag continues the value before it.
 */
export function unwrapRis(ris: string): string {
  return ris.replace(/\n(?![A-Z][A-Z0-9] {2}-|\n|$)/g, '');
}

export function exportItems(items: CslItem[], format: ExportFormat): string {
  if (format === 'json') return `${JSON.stringify(clean(items), null, 2)}\n`;
  if (format === 'ris') return unwrapRis(new Cite(clean(items)).format('ris', { format: 'text' }));
  return new Cite(clean(items.map(monthOnly))).format('bibtex', { format: 'text' });
}

/**
 * BibTeX has a year and a month, no day: given one, citation-js writes `month = {nov 24}`, which biblatex rejects
 * ("Invalid format of field 'month'"). BibTeX gets the year and month (`month = {11}`); the other formats keep the day.
 */
function monthOnly(item: CslItem): CslItem {
  const parts = item.issued?.['date-parts'];
  return parts ? { ...item, issued: { 'date-parts': parts.map((p) => p.slice(0, 2)) } } : item;
}

export function formatCitation(item: CslItem, style: CitationStyle, format: 'text' | 'html' = 'text'): string {
  const out = new Cite([item]).format('bibliography', { template: style, format, lang: 'en-US' });
  return format === 'text' ? out.replace(/^1\.\s*/, '').trim() : out.trim();
}

/** A field of a reference that cannot become CSL-JSON. */
export class CitationDataError extends Error {
  constructor(
    readonly n: number,
    readonly field: string,
    readonly value: unknown,
    reason: string,
  ) {
    super(`reference ${n}, field "${field}": ${reason} (value: ${JSON.stringify(value)})`);
  }
}

const NAME = /^((?:\p{Lu}\p{Ll}?\.\s?-?)+)\s*(\p{Lu}[\p{L}'’-]*(?:\s\p{Lu}[\p{L}'’-]*)*)$/u;

/** "Y. Gong et al." → the listed names as CSL names; "et al." is kept in the note, not invented as names. */
export function parseAuthors(n: number, printed: string): { names: NonNullable<CslItem['author']>; etAl: boolean } {
  const etAl = /,?\s*et al\.?$/.test(printed);
  const names = printed
    .replace(/,?\s*et al\.?$/, '')
    .split(',')
    .map((s) => s.trim())
    .map((name) => {
      const m = NAME.exec(name);
      if (!m) throw new CitationDataError(n, 'authors', printed, `"${name}" is not a name written as initials and family name`);
      return { given: m[1]!.replace(/\s+/g, ''), family: m[2]! };
    });
  return { names, etAl };
}

/** A reference of the review as CSL-JSON, holding only what the review prints. */
export function referenceToCsl(ref: ReferenceData): CslItem {
  const { names, etAl } = parseAuthors(ref.n, ref.authors);
  const notes = [etAl ? `The review lists the authors as "${ref.authors}".` : '', ref.note ?? ''].filter(Boolean);
  return {
    id: `ref-${ref.n}`,
    'citation-key': `ChengReviewRef${ref.n}`,
    type: 'article-journal',
    author: names,
    'container-title': ref.container,
    'container-title-short': ref.container,
    ...(ref.volume ? { volume: ref.volume } : {}),
    ...(ref.pages ? { page: ref.pages } : {}),
    issued: { 'date-parts': [[ref.year]] },
    ...(notes.length ? { note: notes.join(' ') } : {}),
  };
}
