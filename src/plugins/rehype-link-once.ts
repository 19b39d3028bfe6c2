import type { Element, ElementContent, Root } from 'hast';

export interface LinkOnceOptions {
  /** URL prefixes of the pages linked once (materials, techniques, cells, the glossary); other links are left alone. */
  prefixes: readonly string[];
}

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const classesOf = (node: Element) => (Array.isArray(node.properties.className) ? node.properties.className.map(String) : []);

/**
 * Links each material, technique, cell and glossary term once: a link to a URL that an earlier link of the same
 * scope already leads to is replaced by its text (with its markup: an `<abbr>`, a formula's `<sub>`). The scopes are
 * the page's text and each study card (`<aside>` or `.card`), which is linked as if on its own, so a reader who
 * jumps to a card finds its links there. The first link to a URL always stays, so no target loses its only link.
 * Headings and navigation are neither changed nor counted. Returns the number of links removed.
 */
export function linkOnceTransform(tree: Root | Element, options: LinkOnceOptions): number {
  const counted = (href: string) => options.prefixes.some((p) => href.startsWith(p));
  let removed = 0;
  const walk = (parent: Root | Element, seen: Set<string>) => {
    const out: ElementContent[] = [];
    for (const child of parent.children as ElementContent[]) {
      if (child.type === 'element') {
        if (child.tagName === 'a') {
          const href = String(child.properties.href ?? '');
          if (counted(href)) {
            if (seen.has(href)) {
              removed++;
              out.push(...child.children);
              continue;
            }
            seen.add(href);
          }
        } else if (child.tagName === 'aside' || classesOf(child).includes('card')) walk(child, new Set());
        else if (!HEADINGS.has(child.tagName) && child.tagName !== 'nav') walk(child, seen);
      }
      out.push(child);
    }
    parent.children = out as typeof parent.children;
  };
  walk(tree, new Set());
  return removed;
}

/** rehype plugin: links each material, technique, cell and term once per scope (see `linkOnceTransform`). */
export default function rehypeLinkOnce(options: LinkOnceOptions) {
  return (tree: Root) => {
    linkOnceTransform(tree, options);
  };
}
