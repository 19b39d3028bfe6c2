import type { ReferenceData } from '../schemas/reference';

/**
 * Searches that lead from a reference to its paper. The review prints no titles and no DOIs, so a reader would
 * otherwise retype the entry: each search is built from what the review prints (authors, journal, volume, pages,
 * year) and nothing else. "et al." is left out of the query: it names no one, and Scholar would look for "al".
 */
export const paperSearchEngines = [
  { name: 'Crossref', url: 'https://search.crossref.org/?q=' },
  { name: 'Google Scholar', url: 'https://scholar.google.com/scholar?q=' },
  { name: 'Semantic Scholar', url: 'https://www.semanticscholar.org/search?q=' },
] as const;

/** The query for a reference: its printed fields in the order the review prints them, "et al." left out. */
export function paperQuery(d: Pick<ReferenceData, 'authors' | 'container' | 'volume' | 'pages' | 'year'>): string {
  const authors = d.authors.replace(/,?\s*et al\.?$/, '');
  return [authors, d.container, d.volume, d.pages, String(d.year)].filter((f) => f !== undefined && f !== '').join(' ');
}

/** Each engine's search for the reference: its name and URL (the query URL-encoded). */
export function paperSearches(d: Parameters<typeof paperQuery>[0]): { name: string; href: string }[] {
  const q = encodeURIComponent(paperQuery(d));
  return paperSearchEngines.map((e) => ({ name: e.name, href: e.url + q }));
}
