import type { GraphContext } from '../context';
import { byId, pushUnique, unknown } from '../context';
import type { MaterialNode, StudyNode } from '../types';

/** Studies: each resolved to its section, references, materials, techniques and cell, and added to theirs. */
export function resolveStudies(g: GraphContext): void {
  for (const e of g.input.studies) {
    const f = e.filePath;
    const sec = g.section.get(e.data.section);
    if (!sec) g.problem({ ...unknown('section', e.data.section, g.section.keys()), file: f, field: 'section' });
    const c = g.cell.get(e.data.cell.type);
    if (!c) g.problem({ ...unknown('cell', e.data.cell.type, g.cell.keys()), file: f, field: 'cell.type' });
    const mats = (ids: string[], field: string) =>
      ids.flatMap((id, i) => {
        const m = g.material.get(id);
        if (!m) g.problem({ ...unknown('material', id, g.material.keys()), file: f, field: `${field}[${i}]` });
        return m ? [m] : [];
      });
    const ms: MaterialNode[] = mats(e.data.materials, 'materials');
    for (const part of ['working', 'electrolyte', 'counter'] as const) {
      const p = e.data.cell[part];
      if (p) for (const m of mats(p.materials, `cell.${part}.materials`)) pushUnique(ms, m);
    }
    const ts = e.data.techniques.flatMap((id, i) => {
      const t = g.technique.get(id);
      if (!t) g.problem({ ...unknown('technique', id, g.technique.keys()), file: f, field: `techniques[${i}]` });
      return t ? [t] : [];
    });
    const rs = e.data.references.flatMap((n, i) => {
      const r = g.knownRef(n, f, `references[${i}]`);
      return r ? [r] : [];
    });
    if (rs[0] && rs[0].data.year !== e.data.year)
      g.problem({ rule: 'study-year', file: f, field: 'year', message: `year ${e.data.year} differs from the year of reference ${rs[0].n} (${rs[0].data.year})` });
    // The study's electrolyte must be one its cell configuration uses (the cell record lists them).
    if (c)
      e.data.cell.electrolyte.materials.forEach((id, i) => {
        if (g.material.has(id) && !c.data.electrolytes.includes(id))
          g.problem({
            rule: 'cell-filing',
            file: f,
            field: `cell.electrolyte.materials[${i}]`,
            message: `"${id}" is not an electrolyte of cell "${c.id}" (its electrolytes: ${c.data.electrolytes.join(', ') || 'none'}); file the study under the cell that uses it, or add it to the cell's electrolytes in ${c.filePath}`,
          });
      });
    if (!sec || !c) continue;
    const node: StudyNode = { ...e, section: sec, references: rs, materials: ms, techniques: ts, cell: c, reactions: [] };
    g.studies.push(node);
    for (const m of ms) m.studies.push(node);
    for (const t of ts) t.studies.push(node);
    for (const r of rs) r.studies.push(node);
    c.studies.push(node);
  }
  g.study = byId(g.studies);
}
