/**
 * The options the edition starts Pagefind with, in one place: the search interface (ui.ts) passes them, and so
 * does the bench's bare search page, so that the two are timed alike. Pagefind runs on the page's own thread: its
 * worker would be one more file to fetch and one more start-up before the first result, for an index this small.
 */
export const pagefindOptions = { excerptLength: 24, noWorker: true } as const;
