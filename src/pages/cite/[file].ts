import type { APIRoute, GetStaticPaths } from 'astro';
import { type CslItem, exportFormats, exportItems, type ExportFormat, referenceToCsl } from '../../lib/citation';
import { loadGraph } from '../../lib/graph/load';
import { withCharset } from '../../lib/download-types';
import { editionCsl, review, sectionCsl } from '../../lib/site';

/** Every download of `/cite/`: each section, the edition, the original review and the whole bibliography, in each format. */
export const getStaticPaths = (async () => {
  const graph = await loadGraph();
  const sets: [string, CslItem[]][] = [
    ['edition', [editionCsl(), ...graph.sections.map(sectionCsl)]],
    ['review', [review.item]],
    ['references', graph.references.map((r) => referenceToCsl(r.data))],
    ...graph.sections.map((s): [string, CslItem[]] => [s.slug, [sectionCsl(s)]]),
  ];
  return sets.flatMap(([name, items]) =>
    (Object.keys(exportFormats) as ExportFormat[]).map((format) => ({ params: { file: `${name}.${format}` }, props: { items, format } })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { items, format } = props as { items: CslItem[]; format: ExportFormat };
  return new Response(exportItems(items, format), { headers: { 'content-type': withCharset(exportFormats[format].mime) } });
};
