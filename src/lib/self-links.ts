import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import rehypeSelfLinks from '../plugins/rehype-self-links';

const processor = unified().use(rehypeParse, { fragment: true }).use(rehypeSelfLinks).use(rehypeStringify, { collapseEmptyAttributes: true });

/** HTML of a page's text in, the same HTML with self-links on its headings and paragraphs out. */
export const addSelfLinks = (html: string): string => String(processor.processSync(html));
