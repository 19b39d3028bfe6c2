import type { Element, ElementContent, Root } from 'hast';

/** Containers whose paragraphs are not the text's own: navigation, asides (study cards), figures, tables, lists,
 * quotations, disclosures and the page's own blocks (`<section>`: the reference list, "Cite this section"). */
const NOT_TEXT = new Set(['nav', 'aside', 'figure', 'table', 'ul', 'ol', 'blockquote', 'details', 'section', 'form', 'footer', 'header']);
/** Headings get a self-link anywhere but in navigation and asides. */
const NOT_HEADINGS = new Set(['nav', 'aside', 'header', 'footer']);
const HEADINGS = new Set(['h2', 'h3', 'h4']);

const classesOf = (node: Element) => (Array.isArray(node.properties.className) ? node.properties.className.map(String) : []);
const hasLink = (node: ElementContent): boolean => node.type === 'element' && (node.tagName === 'a' || node.children.some(hasLink));

/** A paragraph's self-link: its name says where it leads; the sign it shows is the stylesheet's (`.pl::before`). */
const selfLink = (id: string, of = 'paragraph'): Element => ({
  type: 'element',
  tagName: 'a',
  properties: { className: ['pl'], href: `#${id}`, ariaLabel: `Link to this ${of}` },
  children: [],
});

/**
 * Gives every heading (h2–h4) and every paragraph of a page's text a link to itself, and every such paragraph an id.
 *
 * - A heading's text becomes the link (`<h2 id="x"><a class="self" href="#x">…</a></h2>`): read once, as the
 *   heading; a heading that holds a link already gets a link of its own after its text instead.
 * - A paragraph keeps the id it has (a citing one's `p-47`, from remark-citations) or gets `p-<k>-<heading>`: the
 *   k-th paragraph without an id under the heading with id `heading` (`start` before the first heading), so that
 *   only a paragraph added or removed under the same heading renames the ones after it. A citing list item's id
 *   (`p-47`) gets a link too. The link, `<a class="pl" href="#id" aria-label="Link to this paragraph">`, ends the
 *   paragraph.
 *
 * Paragraphs with a class (the summary, printed notes), in navigation, asides, figures, tables, lists, quotations
 * and `<section>`s are not the text's own and are left alone. Throws when an id it would give is taken.
 */
export function selfLinksTransform(tree: Root | Element): void {
  const taken = new Set<string>();
  const collect = (node: Root | ElementContent) => {
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'element' && typeof node.properties.id === 'string') taken.add(node.properties.id);
    node.children.forEach((c) => collect(c as ElementContent));
  };
  collect(tree);

  let heading = 'start';
  const counts = new Map<string, number>();
  const walk = (node: Root | Element, inText: boolean, inHeadingArea: boolean) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const id = typeof child.properties.id === 'string' ? child.properties.id : undefined;
      if (HEADINGS.has(child.tagName) && inHeadingArea && id) {
        heading = id;
        if (child.children.some(hasLink)) child.children.push(selfLink(id, 'heading'));
        else child.children = [{ type: 'element', tagName: 'a', properties: { className: ['self'], href: `#${id}` }, children: child.children }];
        continue;
      }
      if (child.tagName === 'p' && inText && classesOf(child).length === 0) {
        let own = id;
        if (!own) {
          const k = (counts.get(heading) ?? 0) + 1;
          counts.set(heading, k);
          own = `p-${k}-${heading}`;
          if (taken.has(own)) throw new Error(`self-links: the id "${own}" for paragraph ${k} under #${heading} is taken by another element`);
          taken.add(own);
          child.properties.id = own;
        }
        child.children.push(selfLink(own));
        continue;
      }
      if (child.tagName === 'li' && inHeadingArea && id?.startsWith('p-')) child.children.push(selfLink(id));
      walk(child, inText && !NOT_TEXT.has(child.tagName), inHeadingArea && !NOT_HEADINGS.has(child.tagName));
    }
  };
  walk(tree, true, true);
}

/** rehype plugin: self-links on the headings and paragraphs of a page's text (see `selfLinksTransform`). */
export default function rehypeSelfLinks() {
  return (tree: Root) => {
    selfLinksTransform(tree);
  };
}
