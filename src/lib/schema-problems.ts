import type { z } from 'astro/zod';
import type { Place } from './collected-refs';
import { nearest } from './graph/problems';

/** A field of a record that its schema refuses: where, which field, why, with the value written. */
export interface SchemaProblem extends Place {
  /** `year`, `cell.working.text`, `references[1]`. */
  field: string;
  message: string;
}

/** `cell.working.text`, `references[1]`: a path as the content graph names fields. */
export const fieldName = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((name, p) => (typeof p === 'number' ? `${name}[${p}]` : name ? `${name}.${String(p)}` : String(p)), '');

/** A value as the message shows it: JSON, cut short. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

const valueAt = (data: unknown, path: readonly PropertyKey[]) =>
  path.reduce<unknown>((v, p) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p] : undefined), data);

/** The fields of the object schema at a path of a record (through optional, default and list), if it is one. */
function fieldsAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  type Def = { type: string; innerType?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType> };
  const unwrap = (s: z.ZodType | undefined): Def | undefined => {
    let def = s?._zod.def as Def | undefined;
    while (def?.innerType) def = def.innerType._zod.def as Def;
    return def;
  };
  let def = unwrap(schema);
  for (const p of path) def = unwrap(typeof p === 'number' ? def?.element : def?.shape?.[String(p)]);
  return Object.keys(def?.shape ?? {});
}

/** What YAML calls zod's types. */
const typeNames: Record<string, string> = { int: 'a whole number', number: 'a number', string: 'text', object: 'a map of fields', array: 'a list', boolean: 'true or false' };

/** One zod issue as a sentence that names the fault and the value. */
function describe(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = typeNames[issue.expected] ?? issue.expected;
      return value === undefined ? `required field missing (${expected} expected)` : `expected ${expected}, got ${shown(value)}`;
    }
    case 'invalid_value':
      return `${shown(value)} is not one of ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}, got ${shown(value)}`;
      return `${issue.message} (value: ${shown(value)})`;
    default:
      return `${issue.message.replace(/^Invalid input: /, '')} (value: ${shown(value)})`;
  }
}

/**
 * Everything a schema refuses in a record, each at the place of its field (an unknown field at its key, a missing
 * one at the map that lacks it), with the value written. Nothing is printed as zod prints it.
 */
export function schemaProblems(
  schema: z.ZodType,
  data: unknown,
  placeOf: (path: readonly PropertyKey[], options?: { key?: boolean }) => Place,
): SchemaProblem[] {
  const result = schema.safeParse(data);
  if (result.success) return [];
  return result.error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => {
        const path = [...issue.path, key];
        const near = nearest(String(key), fieldsAt(schema, issue.path));
        return { field: fieldName(path), ...placeOf(path, { key: true }), message: `unknown field${near.length ? ` (nearest: ${near.join(', ')})` : ''}` };
      });
    return [{ field: fieldName(issue.path), ...placeOf(issue.path), message: describe(issue, valueAt(data, issue.path)) }];
  });
}
