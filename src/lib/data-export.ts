/**
 * The content graph as data for reuse (`/data/`): every collection as JSON and CSV, with a JSON Schema derived from
 * the collection's zod schema. Records are exported as the content holds them (after parsing), keyed by their id.
 */
import { z } from 'astro/zod';
import { cellSchema } from '../schemas/cell';
import { glossarySchema } from '../schemas/glossary';
import { materialSchema } from '../schemas/material';
import { reactionSchema } from '../schemas/reaction';
import { referenceSchema } from '../schemas/reference';
import { studySchema } from '../schemas/study';
import { techniqueSchema } from '../schemas/technique';
import { idSchema } from '../schemas/common';
import type { Graph } from './graph/build';

type Row = Record<string, unknown>;
const withId = <T extends z.ZodObject>(schema: T) => schema.extend({ id: idSchema });
const rows = <T extends { id: string; data: object }>(list: T[]): Row[] => list.map((e) => ({ id: e.id, ...e.data }));

/** The exported collections: what each holds, its record schema, and its records read from the graph. */
export const dataCollections = {
  studies: { label: 'Studies', holds: 'every reviewed experiment', schema: withId(studySchema), records: (g: Graph) => rows(g.studies) },
  materials: { label: 'Materials', holds: 'every material, with the properties the review states', schema: withId(materialSchema), records: (g: Graph) => rows(g.materials) },
  techniques: { label: 'Techniques', holds: 'the TEM techniques and modes', schema: withId(techniqueSchema), records: (g: Graph) => rows(g.techniques) },
  cells: { label: 'Cells', holds: 'the in situ cell configurations', schema: withId(cellSchema), records: (g: Graph) => rows(g.cells) },
  reactions: {
    label: 'Reactions', holds: 'the reaction equations (mhchem), with their number in reading order',
    schema: withId(reactionSchema).extend({ number: z.number().int().positive() }),
    records: (g: Graph) => g.reactions.map((r) => ({ id: r.id, number: r.number, ...r.data })),
  },
  references: { label: 'References', holds: 'the review’s reference list, as printed', schema: referenceSchema, records: (g: Graph) => g.references.map((r) => ({ ...r.data })) },
  glossary: { label: 'Glossary', holds: 'the abbreviations and terms', schema: glossarySchema, records: (g: Graph) => g.glossary.map((t) => ({ ...t.data })) },
} as const;

export type DataCollection = keyof typeof dataCollections;
export const dataFormats = ['json', 'csv', 'schema.json'] as const;
export type DataFormat = (typeof dataFormats)[number];
/** The media type of each format. */
export const dataFormatTypes: Record<DataFormat, string> = { json: 'application/json', csv: 'text/csv', 'schema.json': 'application/schema+json' };

/** JSON Schema (draft 2020-12) of a collection's file: an array of its records. */
export function jsonSchemaOf(name: DataCollection): Record<string, unknown> {
  const { label, holds, schema } = dataCollections[name];
  return z.toJSONSchema(z.array(schema).describe(`${label}: ${holds}.`), { io: 'output' }) as Record<string, unknown>;
}

/** A cell of CSV: lists of plain values joined by "; ", anything nested as JSON; quoted as RFC 4180 says. */
function csvCell(value: unknown): string {
  const text =
    value === undefined || value === null ? ''
    : Array.isArray(value) && value.every((v) => typeof v !== 'object') ? value.join('; ')
    : typeof value === 'object' ? JSON.stringify(value)
    : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

type JsonSchemaNode = { type?: string; properties?: Record<string, JsonSchemaNode>; items?: JsonSchemaNode; enum?: unknown[]; required?: string[] };

/** Column paths of a record: nested objects (a study's `cell`) become dotted columns (`cell.working.text`). */
function columnsOf(node: JsonSchemaNode, prefix = ''): string[] {
  return Object.entries(node.properties ?? {}).flatMap(([key, p]) =>
    p.type === 'object' && p.properties ? columnsOf(p, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

const at = (record: Row, path: string) => path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Row)[k] : undefined), record);

/** Records as CSV, one column per field (nested objects flattened), in the schema's order, the key first. */
export function toCsv(name: DataCollection, records: Row[]): string {
  const columns = columnsOf(jsonSchemaOf(name).items as JsonSchemaNode);
  const key = columns.includes('id') ? 'id' : 'n';
  const ordered = [key, ...columns.filter((c) => c !== key)];
  return [ordered.join(','), ...records.map((r) => ordered.map((c) => csvCell(at(r, c))).join(','))].join('\r\n') + '\r\n';
}

/** The fields of a collection's records, for the page that documents them (nested ones dotted). */
export function fieldsOf(name: DataCollection): { name: string; type: string; required: boolean }[] {
  const typeOf = (p: JsonSchemaNode): string => {
    if (p.enum) return `one of: ${p.enum.join(', ')}`;
    if (p.type === 'array') return `list of ${typeOf(p.items ?? {})}`;
    if (p.type === 'object') return `record (${Object.keys(p.properties ?? {}).join(', ')})`;
    return p.type ?? 'value';
  };
  const walk = (node: JsonSchemaNode, prefix: string): { name: string; type: string; required: boolean }[] =>
    Object.entries(node.properties ?? {}).flatMap(([key, p]) => {
      const field = { name: `${prefix}${key}`, type: typeOf(p), required: (node.required ?? []).includes(key) };
      return p.type === 'object' && p.properties ? [field, ...walk(p, `${prefix}${key}.`)] : [field];
    });
  return walk(jsonSchemaOf(name).items as JsonSchemaNode, '');
}
