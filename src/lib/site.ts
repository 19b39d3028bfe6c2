import reviewBib from '../../content/review.bib?raw';
import pkg from '../../package.json';
import { parseBibtex, type CslItem } from './citation';
import type { SectionNode } from './graph/build';
import { makeRoutes } from './routes';

/** The routes of this build, under its base path. */
export const routes = makeRoutes(import.meta.env.BASE_URL);

/** The review this edition is made from, read from its BibTeX record (`content/review.bib`). */
const reviewItem = parseBibtex(reviewBib)[0]!;
export const review = {
  item: reviewItem,
  /** Title with the review's italics as HTML (`<i>in situ</i>`). */
  titleHtml: reviewItem.title ?? '',
  title: (reviewItem.title ?? '').replace(/<[^>]+>/g, ''),
  authors: (reviewItem.author ?? []).map((a) => [a.given, a.family].filter(Boolean).join(' ')),
  /** The keywords the article prints, in its order. */
  keywords: String(reviewItem.keyword ?? '').split(',').map((k) => k.trim()).filter(Boolean),
} as const;

/** The edition: its version and date come from package.json, never from the build clock. */
export const edition = {
  title: 'In situ TEM of all-solid-state lithium batteries',
  subtitle: 'A web edition of the review by Cheng et al.',
  version: pkg.version,
  date: pkg.edition.date,
  /** Absolute origin for canonical URLs and citations (`site` in astro.config.mjs, from EDITION_SITE). */
  site: import.meta.env.SITE!,
} as const;

/** An absolute URL for a path the routes gave. */
export const absolute = (path: string) => new URL(path, edition.site).href;

const dateParts = (iso: string) => [iso.split('-').map(Number)];
const containerTitle = `${edition.title}: ${edition.subtitle}`;
/** The review's authors as the CSL `author` field of the edition's own records (left out if review.bib had none). */
const reviewAuthors = reviewItem.author ? { author: reviewItem.author } : {};
const reviewNote = `Web edition of ${review.authors.join(', ')}, "${review.title}". The edition restates the review in new sentences; facts, numbers and references are the review's.`;

/** The whole edition as CSL-JSON. */
export function editionCsl(): CslItem {
  return {
    id: 'edition', 'citation-key': 'ChengEdition', type: 'webpage',
    ...reviewAuthors, title: containerTitle, version: edition.version,
    issued: { 'date-parts': dateParts(edition.date) }, URL: absolute(routes.home), note: `Version ${edition.version}. ${reviewNote}`,
  };
}

/** One section of the edition as CSL-JSON; its key is stable because the slug is. */
export function sectionCsl(section: SectionNode): CslItem {
  const key = section.slug.split('-').map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return {
    id: `edition-${section.slug}`, 'citation-key': `ChengEdition${key}`, type: 'chapter',
    ...reviewAuthors, title: `${section.number} ${section.data.title}`, 'container-title': containerTitle,
    version: edition.version, issued: { 'date-parts': dateParts(edition.date) }, URL: absolute(routes.section(section.slug)),
    note: `Section ${section.number}, version ${edition.version}. ${reviewNote}`,
  };
}
