import rehypeSelfLinks from '../plugins/rehype-self-links';
import { htmlTransform } from './html-fragment';

/** HTML of a page's text in, the same HTML with self-links on its headings and paragraphs out. */
export const addSelfLinks = htmlTransform([rehypeSelfLinks]);
