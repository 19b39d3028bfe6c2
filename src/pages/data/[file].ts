import type { APIRoute, GetStaticPaths } from 'astro';
import { dataCollections, dataFormats, dataFormatTypes, jsonSchemaOf, toCsv, type DataCollection, type DataFormat } from '../../lib/data-export';
import { withCharset } from '../../lib/download-types';
import { loadGraph } from '../../lib/graph/load';

/** Every file of `/data/`: each collection as JSON, CSV and JSON Schema. */
export const getStaticPaths = (async () => {
  const graph = await loadGraph();
  return (Object.keys(dataCollections) as DataCollection[]).flatMap((name) => {
    const records = dataCollections[name].records(graph);
    return dataFormats.map((format) => ({ params: { file: `${name}.${format}` }, props: { name, format, records } }));
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { name, format, records } = props as { name: DataCollection; format: DataFormat; records: Record<string, unknown>[] };
  const body =
    format === 'csv' ? toCsv(name, records)
    : `${JSON.stringify(format === 'json' ? records : jsonSchemaOf(name), null, 2)}\n`;
  return new Response(body, { headers: { 'content-type': withCharset(dataFormatTypes[format]) } });
};
