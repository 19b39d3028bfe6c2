/**
 * Every URL of the edition is built here, so that links, the URL manifest and the plugins agree.
 * `base` is Astro's base path (`/` or `/edition/`), always with a trailing slash.
 */

/** Kinds of record a cross-link can reach, with the prefix written in MDX (`[LCO](material:licoo2)`). */
export const linkKinds = ['section', 'material', 'technique', 'cell', 'study', 'reaction', 'term'] as const;
export type LinkKind = (typeof linkKinds)[number];

export function joinBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\//, '');
}

export function makeRoutes(base: string) {
  const at = (path: string) => joinBase(base, path);
  return {
    home: at(''),
    section: (slug: string) => at(`sections/${slug}/`),
    /** Every section on one page, and the same chapters as an EPUB file. */
    edition: at('edition/'),
    epub: at('edition.epub'),
    materials: at('materials/'),
    material: (id: string) => at(`materials/${id}/`),
    techniques: at('techniques/'),
    technique: (id: string) => at(`techniques/${id}/`),
    cells: at('cells/'),
    cell: (id: string) => at(`cells/${id}/`),
    studies: at('studies/'),
    study: (id: string) => at(`studies/${id}/`),
    reactions: at('reactions/'),
    matrix: at('matrix/'),
    reaction: (id: string) => at(`reactions/#${id}`),
    glossary: at('glossary/'),
    term: (id: string) => at(`glossary/#${id}`),
    references: at('references/'),
    reference: (n: number) => at(`references/${n}/`),
    search: at('search/'),
    cite: at('cite/'),
    data: at('data/'),
    asset: (path: string) => at(path),
  };
}

export type Routes = ReturnType<typeof makeRoutes>;

/** The URL a cross-link of the given kind points to. */
export function linkHref(routes: Routes, kind: LinkKind, id: string): string {
  switch (kind) {
    case 'section':
      return routes.section(id);
    case 'material':
      return routes.material(id);
    case 'technique':
      return routes.technique(id);
    case 'cell':
      return routes.cell(id);
    case 'study':
      return routes.study(id);
    case 'reaction':
      return routes.reaction(id);
    case 'term':
      return routes.term(id);
  }
}
