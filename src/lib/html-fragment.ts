import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified, type PluggableList } from 'unified';

/**
 * Rendered HTML (a fragment, as a component's slot renders it) transformed by rehype plugins: parsed, transformed and
 * written back as the pages write HTML. The processor is made once; the function it returns is pure.
 */
export function htmlTransform(plugins: PluggableList): (html: string) => string {
  const processor = unified().use(rehypeParse, { fragment: true }).use(plugins).use(rehypeStringify, { collapseEmptyAttributes: true });
  return (html) => String(processor.processSync(html));
}
