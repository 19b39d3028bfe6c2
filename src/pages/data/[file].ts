import type { APIRoute, GetStaticPaths } from 'astro';
import { dataCollections, dataFormats, jsonSchemaOf, toCsv, type DataCollection, type DataFormat } from '../../lib/data-export';
import { loadGraph } from '../../lib/graph/load';

/** Every file of `/data/`: each collection as JSON, CSV and JSON Schema. */
export const getStaticPaths = (async () => {
  const graph = await loadGraph();
  return (Object.keys(dataCollections) as DataCollection[]).flatMap((name) => {
    const records = dataCollections[name].records(graph);
    return dataFormats.map((format) => ({ params: { file: `${name}.${format}` }, props: { name, format, records } }));
  });
}) satisfies GetStaticPaths;

const types: Record<DataFormat, string> = { json: 'application/json', csv: 'text/csv', 'schema.json': 'application/schema+json' };

export const GET: APIRoute = ({ props }) => {
  const { name, format, records } = props as { name: DataCollection; format: DataFormat; records: Record<string, unknown>[] };
  const body =
    format === 'csv' ? toCsv(name, records)
    : `${JSON.stringify(format === 'json' ? records : jsonSchemaOf(name), null, 2)}\n`;
  return new Response(body, { headers: { 'content-type': `${types[format]}; charset=utf-8` } });
};
