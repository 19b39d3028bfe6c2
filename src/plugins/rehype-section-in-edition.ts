import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

export interface SectionInEditionOptions {
  /** The section's slug: its ids become `<slug>--<id>`. */
  prefix: string;
  /** How many levels its headings go down (the section's own title is one level below the page's). */
  shift: number;
  /**
   * Pages the whole edition holds, by URL, with the id each has on it: a section's page (`/sections/<slug>/`, id
   * `<slug>`) and a reference's (`/references/83/`, id `ref-83`). A link to one becomes a link within the page; a
   * link to a place in a section (`/sections/<slug>/#p-83`) leads to that place's id on the page.
   */
  inPage: ReadonlyMap<string, string>;
}

/** Attributes that name ids of the same page, as space-separated lists. */
const idRefs = ['htmlFor', 'ariaLabelledBy', 'ariaDescribedBy', 'ariaDetails', 'ariaControls', 'ariaOwns', 'headers', 'dataCopy', 'dataCopyTex'];

/** The in-page id a section's own id takes in the whole edition. */
export const editionId = (slug: string, id: string) => `${slug}--${id}`;

/**
 * A section's rendered body, made a part of the page that holds the whole edition: every id it defines takes the
 * section's slug as a prefix (`p-83` → `cathode-oxides-polyanionic--p-83`), and so does every in-page link and
 * reference to one of them (`href="#p-83"`, `aria-describedby`, `for` …), so that ids stay unique on the page.
 * Links to ids it does not define (the reference list's `#ref-83`, which the page holds once) are left alone; a link
 * to a section's or a reference's page, or to a place in a section, leads there within the page (`inPage`); headings go `shift` levels down
 * (to h6 at most). Pure.
 */
export function sectionInEditionTransform(tree: Root, { prefix, shift, inPage }: SectionInEditionOptions): void {
  const own = new Set<string>();
  visit(tree, 'element', (node) => {
    if (typeof node.properties.id === 'string') own.add(node.properties.id);
  });
  const local = (id: string) => (own.has(id) ? editionId(prefix, id) : id);
  visit(tree, 'element', (node: Element) => {
    const p = node.properties;
    if (typeof p.id === 'string') p.id = editionId(prefix, p.id);
    for (const name of idRefs) {
      const value = p[name];
      if (typeof value === 'string') p[name] = value.split(/\s+/).map(local).join(' ');
      else if (Array.isArray(value)) p[name] = value.map((v) => local(String(v)));
    }
    if (typeof p.href === 'string') {
      if (p.href.startsWith('#')) p.href = `#${local(decodeURIComponent(p.href.slice(1)))}`;
      else {
        const [path, hash] = p.href.split('#') as [string, string | undefined];
        const target = inPage.get(path);
        if (target !== undefined) p.href = `#${hash ? editionId(target, decodeURIComponent(hash)) : target}`;
      }
    }
    const level = /^h([1-6])$/.exec(node.tagName);
    if (level) node.tagName = `h${Math.min(6, Number(level[1]) + shift)}`;
  });
}

export default function rehypeSectionInEdition(options: SectionInEditionOptions) {
  return (tree: Root) => sectionInEditionTransform(tree, options);
}
