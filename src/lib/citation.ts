import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import { parse } from 'node-html-parser';
import type { ReferenceData } from '../schemas/reference';
import { toBibtex, toRis } from './export-formats';

/** A CSL-JSON item, as citation-js reads and writes it. */
export interface CslItem {
  id: string;
  type: string;
  'citation-key'?: string;
  title?: string;
  author?: { given?: string; family?: string; literal?: string }[];
  'container-title'?: string;
  'chapter-number'?: string;
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
  bib: { label: 'BibTeX', mime: 'text/x-bibtex' },
  ris: { label: 'RIS', mime: 'application/x-research-info-systems' },
  json: { label: 'CSL-JSON', mime: 'application/vnd.citationstyles.csl+json' },
} as const;
export type ExportFormat = keyof typeof exportFormats;

/** Formatted citations in the styles citation-js ships: author–date (APA) and numeric (Vancouver). */
export const citationStyles = { apa: 'APA (author–date)', vancouver: 'Vancouver (numeric)' } as const;
export type CitationStyle = keyof typeof citationStyles;

const clean = (items: CslItem[]) => items.map(({ _graph: _g, ...rest }) => rest);

/**
 * The items in one format. CSL-JSON is the items themselves; BibTeX and RIS are written field by field from them
 * (`export-formats.ts`), so all three carry the same key, date, version and section number.
 */
export function exportItems(items: CslItem[], format: ExportFormat): string {
  if (format === 'json') return `${JSON.stringify(clean(items), null, 2)}\n`;
  return clean(items).map((item) => (format === 'ris' ? toRis(item) : toBibtex(item))).join('\n');
}

/**
 * One item's entry in a style, as plain text or as HTML with the style's italics (`<i>`): the entry alone, without
 * citeproc's wrapping elements or a numeric style's "1.".
 */
export function formatCitation(item: CslItem, style: CitationStyle, format: 'text' | 'html' = 'text'): string {
  const out = new Cite([item]).format('bibliography', { template: style, format, lang: 'en-US' });
  if (format === 'text') return out.replace(/^1\.\s*/, '').trim();
  const bibliography = parse(out);
  const entry = bibliography.querySelector('.csl-right-inline') ?? bibliography.querySelector('.csl-entry');
  if (!entry) throw new Error(`citeproc wrote no entry for ${item.id} in ${style}: ${out}`);
  return entry.innerHTML.trim();
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

/** "Y. Gong et al." → the listed names as CSL names, and whether the review ends the list with "et al.". */
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
  for (const field of ['container', 'volume', 'pages'] as const) {
    const value = ref[field];
    if (value !== undefined && /[{}\\$%#&_^~]|[\p{Cc}]/u.test(value))
      throw new CitationDataError(ref.n, field, value, 'holds a character BibTeX and RIS cannot carry as printed ({ } \\ $ % # & _ ^ ~ or a control character)');
  }
  if (ref.pages !== undefined && !/^[\p{L}\d./]+(?:\s*[-–]\s*[\p{L}\d./]+)?$/u.test(ref.pages))
    throw new CitationDataError(ref.n, 'pages', ref.pages, 'is neither a page range ("16–22") nor an article number ("e1803108")');
  return {
    id: `ChengReviewRef${ref.n}`,
    type: 'article-journal',
    // The review's "et al." as BibTeX's "and others" reads in CSL (pandoc): a last author "others".
    author: etAl ? [...names, { literal: 'others' }] : names,
    'container-title': ref.container,
    ...(ref.volume ? { volume: ref.volume } : {}),
    ...(ref.pages ? { page: ref.pages } : {}),
    issued: { 'date-parts': [[ref.year]] },
    ...(ref.note ? { note: ref.note } : {}),
  };
}
