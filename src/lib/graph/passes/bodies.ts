import { renderDisplay } from '../../../markdown/inline';
import type { CollectedCitation } from '../../collected-refs';
import type { LinkKind } from '../../routes';
import type { GraphContext } from '../context';
import { pushUnique, unknown } from '../context';
import type { CellNode, GlossaryNode, MaterialNode, ReactionNode, SectionNode, TechniqueNode } from '../types';

/** The name of each kind of link target, as error messages call it. */
const linkNames: Record<LinkKind, string> = {
  section: 'section', material: 'material', technique: 'technique', cell: 'cell', study: 'study', reaction: 'reaction', term: 'glossary',
};

/** Every record a link of each kind can reach, by id (reactions before they are placed). */
export const linkTargets = (g: GraphContext): Record<LinkKind, Map<string, unknown>> => ({
  section: g.section, material: g.material, technique: g.technique, cell: g.cell, study: g.study,
  reaction: new Map(g.input.reactions.map((r) => [r.id, r])), term: g.term,
});

/**
 * What the remark plugins found wrong in each section body (a malformed citation or link, markup the edition does
 * not allow …), each at its line: collected while the bodies compiled, so that every one of them is reported at once.
 */
export function reportBodyProblems(g: GraphContext): void {
  for (const s of g.sections)
    for (const p of s.refs.problems) g.problem({ rule: p.rule, file: s.filePath, line: p.line, column: p.column, message: p.message });
}

/**
 * What the section bodies collected, resolved in reading order: citations to references (with the sentence that
 * cites), cross-links to their records, and each `<Study>` and `<Reaction>` to its one place; reactions are numbered
 * as they are placed.
 */
export function resolveBodies(g: GraphContext): void {
  const targets = linkTargets(g);
  const reactionEntries = targets.reaction as Map<string, GraphContext['input']['reactions'][number]>;
  const placedStudy = new Map<string, SectionNode>();
  const placedReaction = new Map<string, SectionNode>();
  for (const s of g.reading) {
    const f = s.filePath;
    for (const c of s.refs.citations) cite(g, s, c);
    for (const l of s.refs.links) {
      const target = targets[l.kind].get(l.id);
      if (!target) {
        g.problem({ ...unknown(linkNames[l.kind], l.id, targets[l.kind].keys()), file: f, line: l.line, column: l.column });
        continue;
      }
      if (l.kind === 'section') {
        // "[Section 2.2](section:…)": the number written must be the one the edition gives the section.
        const written = /\bSections?\s+(\d+(?:\.\d+)*)/.exec(l.text)?.[1];
        const { number } = target as SectionNode;
        if (written !== undefined && written !== number)
          g.problem({ rule: 'section-number', file: f, line: l.line, column: l.column, message: `link text "${l.text}" gives section ${written}, but "${l.id}" is section ${number}` });
      }
      if (l.kind === 'material') pushUnique(s.materials, target as MaterialNode);
      if (l.kind === 'technique') pushUnique(s.techniques, target as TechniqueNode);
      if (l.kind === 'cell') pushUnique((target as CellNode).sections, s);
      if (l.kind === 'term') pushUnique((target as GlossaryNode).sections, s);
    }
    for (const p of s.refs.placements) {
      const where = { file: f, line: p.line, column: p.column };
      if (p.kind === 'study') {
        const st = g.study.get(p.id);
        if (!st) {
          if (!g.input.studies.some((e) => e.id === p.id)) g.problem({ ...unknown('study', p.id, g.study.keys()), ...where });
          continue;
        }
        const already = placedStudy.get(p.id);
        if (already) g.problem({ rule: 'placement', ...where, message: `study "${p.id}" is placed twice (also in ${already.filePath})` });
        else if (st.section !== s) g.problem({ rule: 'placement', ...where, message: `study "${p.id}" belongs to section "${st.section.slug}" (its "section" field) but is placed in "${s.slug}"` });
        placedStudy.set(p.id, s);
        pushUnique(s.studies, st);
      } else {
        const re = reactionEntries.get(p.id);
        if (!re) {
          g.problem({ ...unknown('reaction', p.id, reactionEntries.keys()), ...where });
          continue;
        }
        const already = placedReaction.get(p.id);
        if (already) {
          g.problem({ rule: 'placement', ...where, message: `reaction "${p.id}" is placed twice (also in ${already.filePath})` });
          continue;
        }
        placedReaction.set(p.id, s);
        try {
          renderDisplay(`\\ce{${re.data.tex}}`);
        } catch (err) {
          g.problem({ rule: 'prose', file: re.filePath, field: 'tex', message: `TeX does not render: ${(err as Error).message} (value: ${JSON.stringify(re.data.tex)})` });
        }
        const node: ReactionNode = { ...re, number: g.reactions.length + 1, section: s, materials: [] };
        g.reactions.push(node);
        g.reaction.set(re.id, node);
        s.reactions.push(node);
      }
    }
  }
  for (const re of g.input.reactions)
    if (!placedReaction.has(re.id)) g.problem({ rule: 'placement', file: re.filePath, message: `reaction "${re.id}" is placed in no section (write <Reaction id="${re.id}" /> where the text discusses it)` });
  for (const st of g.studies)
    if (!placedStudy.has(st.id)) g.problem({ rule: 'placement', file: st.filePath, field: 'section', message: `study "${st.id}" is not placed in its section "${st.section.slug}" (write <Study id="${st.id}" /> there)` });
}

/**
 * A citation of a section: each number must be a reference, which records the section, the sentence and the
 * paragraph citing it; the section records where on its page each number is cited.
 */
function cite(g: GraphContext, s: SectionNode, c: CollectedCitation) {
  for (const n of c.numbers) {
    const r = g.knownRef(n, s.filePath, 'citation', c.line, c.column);
    if (!r) continue;
    pushUnique(s.citations, n);
    if (c.id) s.citedAt.set(n, [...(s.citedAt.get(n) ?? []), c.id]);
    if (!r.citedIn.some((p) => p.section === s && p.context === c.context)) r.citedIn.push({ section: s, context: c.context, anchor: c.anchor });
  }
}
