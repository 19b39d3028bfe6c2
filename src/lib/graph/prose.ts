import type { z } from 'astro/zod';
import { proseTypes } from '../../schemas/common';

type Schema = z.ZodType;
/** The parts of zod's definition of a schema that the walk reads. */
interface Def {
  type: string;
  shape?: Record<string, Schema>;
  element?: Schema;
  innerType?: Schema;
  in?: Schema;
}
const defOf = (schema: Schema) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * Every prose text of a record (a field whose schema is registered in `proseTypes`), with the path of its field
 * (`observations[2]`, `cell.working.text`, `quantities[0].unit`), found by walking the record's schema beside its data.
 */
export function proseFields(schema: Schema, value: unknown, path = ''): { field: string; text: string }[] {
  if (proseTypes.has(schema)) return typeof value === 'string' ? [{ field: path, text: value }] : [];
  const def = defOf(schema);
  if (def.innerType) return proseFields(def.innerType, value, path);
  if (def.type === 'pipe' && def.in) return proseFields(def.in, value, path);
  if (def.type === 'object' && def.shape && value && typeof value === 'object')
    return Object.entries(def.shape).flatMap(([key, field]) => proseFields(field, (value as Record<string, unknown>)[key], path ? `${path}.${key}` : key));
  if (def.type === 'array' && def.element && Array.isArray(value)) return value.flatMap((item, i) => proseFields(def.element!, item, `${path}[${i}]`));
  return [];
}
