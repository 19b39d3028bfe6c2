import type { GraphContext } from '../context';
import { unknown } from '../context';
import type { SectionNode } from '../types';

/** Sections: each under its parent, siblings by `order`, numbered 1, 2, 2.1 … in reading order, with prev and next. */
export function numberSections(g: GraphContext): void {
  for (const s of g.sections) {
    if (!s.data.parent) continue;
    const parent = g.section.get(s.data.parent);
    if (!parent) g.problem({ ...unknown('section', s.data.parent, g.section.keys()), file: s.filePath, field: 'parent' });
    else {
      s.parent = parent;
      parent.children.push(s);
    }
  }
  const ordered = (list: SectionNode[]) => {
    list.sort((a, b) => a.data.order - b.data.order);
    list.forEach((s, i) => {
      if (i > 0 && list[i - 1]!.data.order === s.data.order)
        g.problem({ rule: 'section-tree', file: s.filePath, field: 'order', message: `order ${s.data.order} is also used by sibling "${list[i - 1]!.slug}"` });
    });
    return list;
  };
  g.parts = ordered(g.sections.filter((s) => !s.data.parent));
  const walk = (list: SectionNode[], prefix: string, depth: number, seen: Set<SectionNode>) => {
    ordered(list).forEach((s, i) => {
      if (seen.has(s)) return;
      seen.add(s);
      s.number = prefix ? `${prefix}.${i + 1}` : String(i + 1);
      s.depth = depth;
      g.reading.push(s);
      walk(s.children, s.number, depth + 1, seen);
    });
  };
  walk(g.parts, '', 0, new Set());
  for (const s of g.sections)
    if (!g.reading.includes(s) && s.parent) g.problem({ rule: 'section-tree', file: s.filePath, field: 'parent', message: `section "${s.slug}" is in a cycle of parents` });
  g.reading.forEach((s, i) => {
    s.prev = g.reading[i - 1];
    s.next = g.reading[i + 1];
  });
}
