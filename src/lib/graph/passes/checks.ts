import { renderInline, TextFieldError } from '../../../markdown/inline';
import { cellSchema } from '../../../schemas/cell';
import { glossarySchema } from '../../../schemas/glossary';
import { materialSchema } from '../../../schemas/material';
import { reactionSchema } from '../../../schemas/reaction';
import { referenceSchema } from '../../../schemas/reference';
import { sectionSchema } from '../../../schemas/section';
import { studySchema } from '../../../schemas/study';
import { techniqueSchema } from '../../../schemas/technique';
import { CitationDataError, referenceToCsl } from '../../citation';
import { citedInText } from '../../citation-syntax';
import type { GraphContext } from '../context';
import type { GlossaryNode } from '../types';
import { proseFields } from '../prose';

/** Every reference can be exported as CSL-JSON (and so as BibTeX and RIS). */
export function checkExports(g: GraphContext): void {
  for (const r of g.references) {
    try {
      referenceToCsl(r.data);
    } catch (err) {
      if (!(err instanceof CitationDataError)) throw err;
      g.problem({ rule: 'reference-export', file: r.filePath, field: `n: ${r.n}, ${err.field}`, message: err.message });
    }
  }
}

/**
 * Nothing is an orphan: a reader reaches every material, technique and cell from the text, and every reference is
 * cited. Orphans are looked for only when the relations themselves are sound: a bad id elsewhere makes orphans that
 * are not.
 */
export function checkReached(g: GraphContext): void {
  if (g.problems.length === 0) {
    for (const m of g.materials)
      if (m.sections.length === 0)
        g.problem({ rule: 'orphan', file: m.filePath, message: `material "${m.id}" is used by no study and linked from no section (link it where the text discusses it: [${m.data.abbreviations[0] ?? m.data.name}](material:${m.id}))` });
    for (const t of g.techniques)
      if (t.sections.length === 0)
        g.problem({ rule: 'orphan', file: t.filePath, message: `technique "${t.id}" is used by no study and linked from no section (link it: [${t.label}](technique:${t.id}))` });
    for (const c of g.cells)
      if (c.sections.length === 0) g.problem({ rule: 'orphan', file: c.filePath, message: `cell "${c.id}" is used by no study and linked from no section (link it: [${c.data.name}](cell:${c.id}))` });
  }
  for (const r of g.references)
    if (r.citedIn.length === 0)
      g.problem({ rule: 'uncited-reference', file: r.filePath, field: `n: ${r.n}`, message: `reference ${r.n} (${r.data.authors}, ${r.data.container} ${r.data.year}) is cited in no section` });
}

/**
 * Every prose field of every record renders (its TeX, its citations' syntax, one paragraph), and its citations name
 * references; each material's formula renders. The fields are those the schemas type as prose.
 */
export function checkProse(g: GraphContext): void {
  const check = (file: string, prefix: string, schema: Parameters<typeof proseFields>[0], data: unknown) => {
    for (const { field, text } of proseFields(schema, data)) {
      const where = { file, field: prefix + field };
      try {
        renderInline(text);
      } catch (err) {
        const value = `(value: ${JSON.stringify(text)})`;
        if (err instanceof TextFieldError) for (const p of err.problems) g.problem({ rule: p.rule, ...where, message: `${p.message} ${value}` });
        else g.problem({ rule: 'prose', ...where, message: `TeX does not render: ${(err as Error).message} ${value}` });
        continue;
      }
      for (const n of citedInText(text))
        if (!g.reference.has(n)) g.problem({ rule: 'unknown-id', ...where, message: `unknown reference number ${n} (value: ${JSON.stringify(text)})` });
    }
  };
  for (const s of g.sections) check(s.filePath, '', sectionSchema, s.data);
  for (const r of g.references) check(r.filePath, `n: ${r.n}, `, referenceSchema, r.data);
  for (const r of g.input.reactions) check(r.filePath, '', reactionSchema, r.data);
  for (const st of g.studies) check(st.filePath, '', studySchema, st.data);
  for (const m of g.materials) {
    try {
      renderInline(`$\\ce{${m.data.formula}}$`);
    } catch (err) {
      g.problem({ rule: 'prose', file: m.filePath, field: 'formula', message: `TeX does not render: ${(err as Error).message} (value: ${JSON.stringify(m.data.formula)})` });
    }
    check(m.filePath, '', materialSchema, m.data);
  }
  for (const t of g.techniques) check(t.filePath, '', techniqueSchema, t.data);
  for (const c of g.cells) check(c.filePath, '', cellSchema, c.data);
  for (const t of g.glossary) check(t.filePath, `${t.id}.`, glossarySchema, t.data);
}

/**
 * Each glossary term is one entry's. The pages mark a term, or its plural with an "s", by its text alone: a second
 * entry for the same term, or one whose term is another's plural, would silently win and expand it wrongly.
 */
export function checkGlossaryTerms(g: GraphContext): void {
  const read = new Map<string, { entry: GlossaryNode; plural: boolean }>();
  for (const t of g.glossary) {
    if (t.id !== t.data.id) continue; // a repeated id, reported when the nodes were made
    const { term } = t.data;
    const other = read.get(term) ?? read.get(`${term}s`);
    if (other) {
      const where = `entry "${other.entry.id}"${other.entry.line ? ` at line ${other.entry.line}` : ''}`;
      const message = other.entry.data.term === term
        ? `duplicate glossary term "${term}": ${where} has it too, and a page can expand it only one way`
        : other.plural
          ? `glossary term "${term}" is read as the plural of "${other.entry.data.term}" (${where}): a page would expand it as that`
          : `the plural of glossary term "${term}" is the term of ${where}, "${term}s": a page would expand one as the other`;
      g.problem({ rule: 'duplicate', file: t.filePath, line: t.line, field: 'term', message });
      continue;
    }
    read.set(term, { entry: t, plural: false });
    read.set(`${term}s`, { entry: t, plural: true });
  }
}
