import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { Place } from './collected-refs';

/** YAML read with the place of every value, so that a problem with a field can name its line. */
export interface PlacedYaml {
  data: unknown;
  /** Syntax errors, each at its place; `data` is what the parser made of the rest. */
  errors: (Place & { message: string })[];
  /**
   * The place of the value at a path (`['cell', 'type']`, `[12, 'n']`); for a field that is not there, the place of the
   * deepest map or list on its path; for a key, with `key: true`, the place of the key itself.
   */
  placeOf: (path: readonly PropertyKey[], options?: { key?: boolean }) => Place;
}

/** Parses YAML that starts at line `firstLine` of its file (a frontmatter's first line is 2). */
export function parseYamlWithPlaces(text: string, firstLine = 1): PlacedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number): Place => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };
  const placeOf = (path: readonly PropertyKey[], { key = false } = {}): Place => {
    let node: unknown = doc.contents;
    let keyNode: unknown;
    for (const segment of path) {
      const next = isMap(node)
        ? node.items.find((pair) => isPair(pair) && isScalar(pair.key) && String(pair.key.value) === String(segment))
        : isSeq(node) ? node.items[Number(segment)] : undefined;
      if (next === undefined || next === null) break;
      if (isPair(next)) {
        keyNode = next.key;
        node = next.value ?? next.key;
      } else {
        keyNode = undefined;
        node = next;
      }
    }
    const target = (key && keyNode ? keyNode : node) as Node | null | undefined;
    return at(target?.range?.[0] ?? 0);
  };
  return {
    data: doc.toJS(),
    errors: doc.errors.map((e) => ({ message: e.message, ...at(e.pos[0]) })),
    placeOf,
  };
}
