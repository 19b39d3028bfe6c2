/**
 * The options the edition starts Pagefind with, in one place: the search interface (ui.ts) passes them, and so
 * does the bench's bare search page, so that the two are timed alike. Pagefind runs on the page's own thread: its
 * worker would be one more file to fetch and one more start-up before the first result, for an index this small.
 *
 * Ranking (tests/site/relevance.ts measures it):
 * - `names`, the names a material, technique, cell or section is the answer for (its metadata, written by the
 *   layout), count for a little less than the title (some are loose: "BN coating", "LATP/BN"): a page found by one of its
 *   names comes up among the first.
 * - `title_marked` is the title again, with its sub- and superscripts marked for display: no weight of its own.
 */
export const pagefindOptions = {
  excerptLength: 24,
  noWorker: true,
  ranking: { metaWeights: { title: 5, names: 3, title_marked: 0 } },
} as const;
