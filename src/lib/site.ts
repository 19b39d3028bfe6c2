import reviewBib from '../../content/review.bib?raw';
import pkg from '../../package.json';
import { parseBibtex, type CslItem } from './citation';
import type { SectionNode } from './graph/build';
import { previewSite } from './publishing';
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
  /**
   * Whether this is the local preview (EDITION_PREVIEW=1, `npm start`): its pages and citation blocks say so. A
   * published build never has the preview's origin, as src/lib/publishing.ts refuses a loopback EDITION_SITE.
   */
  preview: new URL(import.meta.env.SITE!).origin === previewSite,
} as const;

/** An absolute URL for a path the routes gave. */
export const absolute = (path: string) => new URL(path, edition.site).href;

const dateParts = (iso: string) => [iso.split('-').map(Number)];

/**
 * A title with the CSL markup that keeps it as written in every style: "in situ" in italics, and "Cheng et al." and
 * "in situ" protected from title case (`<span class="nocase">`). BibTeX's `\emph{}` and braces are written from it.
 */
export function cslTitle(text: string): string {
  return text
    .replace(/\b(in situ)\b/gi, '<span class="nocase"><i>$1</i></span>')
    .replace(/\b(\p{Lu}\p{L}+ et al\.)/gu, '<span class="nocase">$1</span>');
}
const containerTitle = cslTitle(`${edition.title}: ${edition.subtitle}`);
/** The review's authors as the CSL `author` field of the edition's own records (left out if review.bib had none). */
const reviewAuthors = reviewItem.author ? { author: reviewItem.author } : {};
const published = { version: edition.version, issued: { 'date-parts': dateParts(edition.date) } };

/** The key of the edition's record: the same in BibTeX, RIS and CSL-JSON. */
export const editionKey = 'ChengEdition';
/** The key of a section's record, stable because the slug is ("ChengEditionAnodeElectrolyteInterfaces"). */
export const sectionKey = (slug: string) => editionKey + slug.split('-').map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');

/** The whole edition as CSL-JSON: a book whose chapters are the sections. */
export function editionCsl(): CslItem {
  return { id: editionKey, type: 'book', ...reviewAuthors, title: containerTitle, ...published, URL: absolute(routes.home) };
}

/** One section of the edition as CSL-JSON: a chapter of the edition, its number in `chapter-number`. */
export function sectionCsl(section: SectionNode): CslItem {
  return {
    id: sectionKey(section.slug), type: 'chapter', ...reviewAuthors, title: cslTitle(section.data.title),
    'container-title': containerTitle, 'chapter-number': section.number, ...published, URL: absolute(routes.section(section.slug)),
  };
}
