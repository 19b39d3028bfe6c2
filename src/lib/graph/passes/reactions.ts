import type { GraphContext } from '../context';
import { unknown } from '../context';

/** Placed reactions: each resolved to its materials, its study and the reaction it follows; studies to theirs. */
export function resolveReactions(g: GraphContext): void {
  const entries = new Set(g.input.reactions.map((r) => r.id));
  for (const r of g.reactions) {
    const f = r.filePath;
    r.data.materials.forEach((id, i) => {
      const m = g.material.get(id);
      if (!m) g.problem({ ...unknown('material', id, g.material.keys()), file: f, field: `materials[${i}]` });
      else {
        r.materials.push(m);
        m.reactions.push(r);
      }
    });
    if (r.data.study) {
      const st = g.study.get(r.data.study);
      if (!st) g.problem({ ...unknown('study', r.data.study, g.study.keys()), file: f, field: 'study' });
      else r.study = st;
    }
    if (r.data.follows) {
      const prev = g.reaction.get(r.data.follows);
      if (!prev) g.problem({ ...unknown('reaction', r.data.follows, g.reaction.keys()), file: f, field: 'follows' });
      else r.follows = prev;
    }
  }
  for (const st of g.studies)
    st.data.reactions.forEach((id, i) => {
      const r = g.reaction.get(id);
      if (!r) {
        if (!entries.has(id)) g.problem({ ...unknown('reaction', id, entries), file: st.filePath, field: `reactions[${i}]` });
      } else {
        st.reactions.push(r);
        r.study ??= st;
      }
    });
}
