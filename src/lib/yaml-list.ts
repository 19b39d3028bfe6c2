/**
 * The entries of a YAML list of records (`references.yaml`, `glossary.yaml`), each under the key the collection
 * gives it: its `keyField`, or "<key> (entry N)" when the key is missing or taken by an earlier entry, so that no
 * entry is dropped and the schema or the content graph can say what is wrong with it. `index` is its place in the list.
 */
export function keyedEntries(list: unknown, keyField: string): { key: string; entry: Record<string, unknown>; index: number }[] {
  // Not a list: one empty entry, so that the schema names the file and the missing fields.
  const entries = Array.isArray(list) ? (list as Record<string, unknown>[]) : [{}];
  const taken = new Set<string>();
  return entries.map((entry, index) => {
    const value = entry?.[keyField];
    const named = value === undefined || value === null || value === '' ? `(entry ${index + 1})` : String(value);
    const key = taken.has(named) ? `${named} (entry ${index + 1})` : named;
    taken.add(key);
    return { key, entry, index };
  });
}
