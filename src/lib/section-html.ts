import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import rehypeHeadingScripts from '../plugins/rehype-heading-scripts';
import rehypeSectionInEdition, { type SectionInEditionOptions } from '../plugins/rehype-section-in-edition';

const onItsPage = unified().use(rehypeParse, { fragment: true }).use(rehypeHeadingScripts).use(rehypeStringify, { collapseEmptyAttributes: true });

/**
 * A section's rendered body as a page shows it: its headings' formulas set as the text's are. With `edition`, as the
 * whole edition's page shows it: ids prefixed with its slug, links to sections kept within the page, headings
 * shifted down (src/plugins/rehype-section-in-edition.ts).
 */
export function sectionHtml(html: string, edition?: SectionInEditionOptions): string {
  const processor = edition
    ? unified().use(rehypeParse, { fragment: true }).use(rehypeHeadingScripts).use(rehypeSectionInEdition, edition).use(rehypeStringify, { collapseEmptyAttributes: true })
    : onItsPage;
  return String(processor.processSync(html));
}
