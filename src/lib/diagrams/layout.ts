/** Pure layout of the build-time diagrams: positions in SVG user units, computed from the content graph's data. */
import { textWidth } from './text';

// --- a timeline: the items of each year, every year from the first to the last ----------------------------------

/** Every year from the first item's to the last item's, each with its items in the given order (none for a gap). */
export function itemsByYear<T>(items: readonly T[], yearOf: (item: T) => number): { year: number; items: T[] }[] {
  if (items.length === 0) return [];
  const all = items.map(yearOf);
  const first = Math.min(...all);
  return Array.from({ length: Math.max(...all) - first + 1 }, (_, i) => ({ year: first + i, items: items.filter((item) => yearOf(item) === first + i) }));
}

// --- a matrix: rows × columns, with a mark where a pair has items ----------------------------------------------------

export interface MatrixLayout {
  width: number;
  height: number;
  rowLabelWidth: number;
  headerHeight: number;
  cell: number;
  rows: { label: string; y: number }[];
  columns: { label: string; x: number }[];
  /** Only the non-empty cells. */
  cells: { row: number; column: number; x: number; y: number; count: number }[];
}

/** A grid with row labels on the left and column labels turned 60° above; counts[r][c] is a cell's count. */
export function matrixLayout(rows: string[], columns: string[], counts: number[][], opts: { cell: number; fontSize: number }): MatrixLayout {
  const { cell, fontSize } = opts;
  const rowLabelWidth = Math.max(...rows.map((r) => textWidth(r, fontSize))) + 12;
  const headerHeight = Math.ceil(Math.max(...columns.map((c) => textWidth(c, fontSize))) * Math.sin(Math.PI / 3)) + 12;
  const cells: MatrixLayout['cells'] = [];
  counts.forEach((row, r) =>
    row.forEach((count, c) => {
      if (count > 0) cells.push({ row: r, column: c, x: rowLabelWidth + c * cell, y: headerHeight + r * cell, count });
    }),
  );
  return {
    // A turned label reaches cos 60° of its length to the right of its column.
    width: Math.ceil(Math.max(rowLabelWidth + columns.length * cell, ...columns.map((c, i) => rowLabelWidth + (i + 0.5) * cell + textWidth(c, fontSize) * 0.5))) + 4,
    height: headerHeight + rows.length * cell + 4,
    rowLabelWidth,
    headerHeight,
    cell,
    rows: rows.map((label, i) => ({ label, y: headerHeight + i * cell })),
    columns: columns.map((label, i) => ({ label, x: rowLabelWidth + i * cell })),
    cells,
  };
}
