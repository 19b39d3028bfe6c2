import rehypeHeadingScripts from '../plugins/rehype-heading-scripts';
import rehypeSectionInEdition, { type SectionInEditionOptions } from '../plugins/rehype-section-in-edition';
import { htmlTransform } from './html-fragment';

const onItsPage = htmlTransform([rehypeHeadingScripts]);

/**
 * A section's rendered body as a page shows it: its headings' formulas set as the text's are. With `edition`, as the
 * whole edition's page shows it: ids prefixed with its slug, links to sections kept within the page, headings
 * shifted down (src/plugins/rehype-section-in-edition.ts).
 */
export function sectionHtml(html: string, edition?: SectionInEditionOptions): string {
  return (edition ? htmlTransform([rehypeHeadingScripts, [rehypeSectionInEdition, edition]]) : onItsPage)(html);
}
