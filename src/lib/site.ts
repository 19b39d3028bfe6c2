import { makeRoutes } from './routes';

/** The routes of this build, under its base path. */
export const routes = makeRoutes(import.meta.env.BASE_URL);

import reviewBib from '../../content/review.bib?raw';
import { parseBibtex } from './citation';

/** The review this edition is made from, read from its BibTeX record (`content/review.bib`). */
const reviewItem = parseBibtex(reviewBib)[0]!;
export const review = {
  item: reviewItem,
  /** Title with the review's italics as HTML (`<i>in situ</i>`). */
  titleHtml: reviewItem.title ?? '',
  title: (reviewItem.title ?? '').replace(/<[^>]+>/g, ''),
  authors: (reviewItem.author ?? []).map((a) => [a.given, a.family].filter(Boolean).join(' ')),
} as const;

export const edition = {
  title: 'In situ TEM of all-solid-state lithium batteries',
  subtitle: 'A web edition of the review by Cheng et al.',
} as const;
