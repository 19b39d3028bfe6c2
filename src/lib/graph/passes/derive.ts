import type { GraphContext } from '../context';
import { pushUnique, unknown } from '../context';
import { linkTargets } from './bodies';
import type { SectionNode, StudyNode } from '../types';

/**
 * The reverse relations: a material's, technique's and cell's sections (those that link it or review a study with
 * it), a reference's materials and cells; each listed in reading order, not in the order they were found.
 */
export function deriveRelations(g: GraphContext): void {
  for (const m of g.materials) {
    m.data.properties.forEach((p, i) => {
      if (p.reference === undefined) return;
      const r = g.knownRef(p.reference, m.filePath, `properties[${i}].reference`);
      if (r) pushUnique(r.materials, m);
    });
    for (const st of m.studies) pushUnique(m.sections, st.section);
  }
  for (const s of g.reading) for (const m of s.materials) pushUnique(m.sections, s);
  for (const s of g.reading) for (const t of s.techniques) pushUnique(t.sections, s);
  for (const t of g.techniques) for (const st of t.studies) pushUnique(t.sections, st.section);
  for (const c of g.cells) for (const st of c.studies) pushUnique(c.sections, st.section);
  const readingIndex = new Map(g.reading.map((s, i) => [s, i]));
  const placedIndex = new Map(g.reading.flatMap((s) => s.studies).map((st, i) => [st, i]));
  const bySection = (a: SectionNode, b: SectionNode) => (readingIndex.get(a) ?? Infinity) - (readingIndex.get(b) ?? Infinity);
  const byPlace = (a: StudyNode, b: StudyNode) => (placedIndex.get(a) ?? Infinity) - (placedIndex.get(b) ?? Infinity);
  for (const n of [...g.materials, ...g.techniques, ...g.cells, ...g.glossary]) n.sections.sort(bySection);
  for (const n of [...g.materials, ...g.techniques, ...g.cells]) n.studies.sort(byPlace);
  for (const c of g.cells) {
    c.data.electrolytes.forEach((id, i) => {
      if (!g.material.has(id)) g.problem({ ...unknown('material', id, g.material.keys()), file: c.filePath, field: `electrolytes[${i}]` });
    });
    c.data.references.forEach((n, i) => {
      const r = g.knownRef(n, c.filePath, `references[${i}]`);
      if (!r) return;
      c.references.push(r);
      r.cells.push(c);
      // A cell that cites a study's work for its configuration holds that study.
      const elsewhere = r.studies.filter((st) => st.cell !== c);
      if (elsewhere.length > 0 && elsewhere.length === r.studies.length)
        g.problem({
          rule: 'cell-filing',
          file: c.filePath,
          field: `references[${i}]`,
          message: `reference ${n} is the work of ${elsewhere.map((st) => `study "${st.id}" (filed under cell "${st.cell.id}")`).join(', ')}, not of a study with this cell; move the study here or the reference to its cell`,
        });
    });
  }
  const targets = linkTargets(g);
  for (const t of g.glossary)
    if (t.data.see) {
      const [kind, id] = t.data.see.split(':') as ['material' | 'technique' | 'cell', string];
      if (!targets[kind].has(id)) g.problem({ ...unknown(kind, id, targets[kind].keys()), file: t.filePath, field: `${t.id}.see` });
    }
}
