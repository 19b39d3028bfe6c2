import type { SectionNode } from './graph/load';

/** One heading of a section's page, as its contents list it. */
export interface OnPageHeading {
  depth: number;
  slug: string;
  text: string;
}

/**
 * A section page's own h2 and h3 headings, for its contents (the on-page list and the edition's contents beside the
 * text): the body's, then the two the page adds.
 */
export function onPageHeadings(section: SectionNode, citesReferences: boolean): OnPageHeading[] {
  return [
    ...section.headings.filter((h) => h.depth === 2 || h.depth === 3),
    ...(citesReferences ? [{ depth: 2, slug: 'references-cited', text: 'References cited in this section' }] : []),
    { depth: 2, slug: 'cite-this', text: 'Cite this section' },
  ];
}
