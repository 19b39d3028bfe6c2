import { describe, expect, it } from 'vitest';
import { buildGraph, graphCounts, type GraphInput } from '../../src/lib/graph/build';
import { ContentGraphError, ruleIds } from '../../src/lib/graph/problems';
import { validInput } from '../fixtures/graph';
import { proseFields } from '../../src/lib/graph/prose';
import { studySchema } from '../../src/schemas/study';

/** The problems the graph reports for broken input, as the build log prints them. */
function problemsOf(input: GraphInput): string[] {
  try {
    buildGraph(input);
  } catch (error) {
    // The rule id each line ends with is asserted on its own, below.
    if (error instanceof ContentGraphError) return error.message.split('\n').slice(1).map((l) => l.replace(/^ {2}- /, '').replace(/ \[[a-z-]+\]$/, ''));
    throw error;
  }
  throw new Error('expected the graph to report problems');
}

describe('the content graph', () => {
  it('numbers sections and reactions and derives reverse relations', () => {
    const g = buildGraph(validInput());
    expect(g.sections.map((s) => `${s.number} ${s.slug}`)).toEqual(['1 cathodes', '1.1 lco']);
    expect(g.section.get('lco')!.prev!.slug).toBe('cathodes');
    expect(g.reaction.get('lco-1')!.number).toBe(1);
    const lco = g.material.get('licoo2')!;
    expect(lco.studies.map((s) => s.id)).toEqual(['yang-2018']);
    expect(lco.sections.map((s) => s.slug)).toEqual(['lco']);
    expect(lco.reactions.map((r) => r.id)).toEqual(['lco-1']);
    expect(g.reference.get(3)!.citedIn.map((c) => [c.section.slug, c.context])).toEqual([['lco', 'LCO forms CoO [3].']]);
    expect(g.reference.get(3)!.studies.map((s) => s.id)).toEqual(['yang-2018']);
    expect(g.reference.get(2)!.materials.map((m) => m.id)).toEqual(['licoo2']);
    expect(g.technique.get('hrtem')!.studies.map((s) => s.id)).toEqual(['yang-2018']);
    expect(g.cell.get('open-cell')!.studies.map((s) => s.id)).toEqual(['yang-2018']);
    expect(g.study.get('yang-2018')!.reactions.map((r) => r.id)).toEqual(['lco-1']);
    expect(g.term.get('lco')).toBeDefined();
  });

  it('numbers reactions in reading order, not file order', () => {
    const input = validInput();
    input.reactions.push({ id: 'lco-0', filePath: 'content/reactions/lco-0.yaml', data: { tex: 'CoO + 2Li -> Co + Li2O', materials: ['coo'] } });
    input.sections[0]!.refs.placements.push({ kind: 'reaction', id: 'lco-0', line: 3, column: 1 });
    const g = buildGraph(input);
    expect(g.reactions.map((r) => `${r.number} ${r.id}`)).toEqual(['1 lco-0', '2 lco-1']);
  });

  it("lists a record's sections and studies in reading order, not in the order the relations were found", () => {
    const input = validInput();
    // The study in 1.1 comes first in the input, the one in 1 (and a link from 1) after it.
    input.sections[0]!.refs.links.push({ kind: 'material', id: 'licoo2', text: 'LCO', line: 4, column: 1 });
    input.studies.push({ ...input.studies[0]!, id: 'zz-2019', filePath: 'content/studies/zz-2019.yaml', data: { ...input.studies[0]!.data, section: 'cathodes', reactions: [] } });
    input.sections[0]!.refs.placements.push({ kind: 'study', id: 'zz-2019', line: 5, column: 1 });
    const g = buildGraph(input);
    expect(g.material.get('licoo2')!.sections.map((s) => s.slug)).toEqual(['cathodes', 'lco']);
    expect(g.technique.get('hrtem')!.studies.map((s) => s.id)).toEqual(['zz-2019', 'yang-2018']);
  });

  it('reports an unknown citation number with file, line and value', () => {
    const input = validInput();
    input.sections[1]!.refs.citations.push({ numbers: [238], line: 12, column: 4, context: '' });
    expect(problemsOf(input)).toEqual(['content/sections/lco.mdx:12:4 (citation): unknown reference number 238 (the review has 3)']);
  });

  it.each([
    ['material', 'licoo', 'content/sections/lco.mdx:20:2: unknown material id "licoo" (nearest: licoo2, coo)'],
    ['technique', 'hrtm', 'content/sections/lco.mdx:20:2: unknown technique id "hrtm" (nearest: hrtem)'],
    ['cell', 'opencell', 'content/sections/lco.mdx:20:2: unknown cell id "opencell" (nearest: open-cell)'],
    ['section', 'lc', 'content/sections/lco.mdx:20:2: unknown section id "lc" (nearest: lco, cathodes)'],
    ['reaction', 'lco-2', 'content/sections/lco.mdx:20:2: unknown reaction id "lco-2" (nearest: lco-1)'],
    ['study', 'yang-2019', 'content/sections/lco.mdx:20:2: unknown study id "yang-2019" (nearest: yang-2018)'],
    ['term', 'lcoo', 'content/sections/lco.mdx:20:2: unknown glossary id "lcoo" (nearest: lco)'],
  ] as const)('reports an unknown %s cross-link with line and nearest ids', (kind, id, message) => {
    const input = validInput();
    input.sections[1]!.refs.links.push({ kind, id, text: id, line: 20, column: 2 });
    expect(problemsOf(input)).toEqual([message]);
  });

  it('reports a link whose text gives another section number than its target has', () => {
    const input = validInput();
    input.sections[0]!.refs.links.push(
      { kind: 'section', id: 'lco', text: 'Section 1.1', line: 6, column: 1 },
      { kind: 'section', id: 'lco', text: 'the LCO studies', line: 6, column: 30 },
      { kind: 'section', id: 'lco', text: 'Section 1.2', line: 7, column: 5 },
      { kind: 'section', id: 'cathodes', text: 'Sections 1.1', line: 8, column: 5 },
    );
    expect(problemsOf(input)).toEqual([
      'content/sections/cathodes.mdx:7:5: link text "Section 1.2" gives section 1.2, but "lco" is section 1.1',
      'content/sections/cathodes.mdx:8:5: link text "Sections 1.1" gives section 1.1, but "cathodes" is section 1',
    ]);
  });

  it('reports unknown ids in record fields by field', () => {
    const input = validInput();
    const study = input.studies[0]!.data;
    study.materials = ['licoo2', 'co'];
    study.techniques = ['eels'];
    study.cell.type = 'open';
    study.section = 'lcoo';
    expect(problemsOf(input)).toEqual([
      'content/studies/yang-2018.yaml (section): unknown section id "lcoo" (nearest: lco, cathodes)',
      'content/studies/yang-2018.yaml (cell.type): unknown cell id "open" (nearest: open-cell)',
      'content/studies/yang-2018.yaml (materials[1]): unknown material id "co" (nearest: coo, licoo2)',
      'content/studies/yang-2018.yaml (techniques[0]): unknown technique id "eels" (nearest: hrtem)',
    ]);
  });

  it('reports a duplicate reference number', () => {
    const input = validInput();
    input.references[2]!.data = { ...input.references[2]!.data, n: 2 };
    expect(problemsOf(input)[0]).toBe('content/references.yaml (n): duplicate reference number 2 (A. Author et al.; the first is A. Author et al.)');
  });

  it('reports reference numbers that do not run from 1 without gaps', () => {
    const input = validInput();
    input.references[2]!.data = { ...input.references[2]!.data, n: 4 };
    expect(problemsOf(input)).toContain('content/references.yaml (n): reference numbers must run 1, 2, 3 … without gaps: found 4 where 3 was expected');
  });

  it('reports a reference cited nowhere', () => {
    const input = validInput();
    input.sections[0]!.refs.citations = [{ numbers: [1], line: 5, column: 3, context: '' }];
    expect(problemsOf(input)).toEqual(['content/references.yaml (n: 2): reference 2 (A. Author et al., Nano Lett. 2018) is cited in no section']);
  });

  it('reports a duplicate section slug', () => {
    const input = validInput();
    input.sections[1]!.data = { ...input.sections[1]!.data, slug: 'cathodes' };
    expect(problemsOf(input)[0]).toBe('content/sections/lco.mdx (slug): duplicate section slug "cathodes" (also in content/sections/cathodes.mdx)');
  });

  it('reports a study placed nowhere, or in another section', () => {
    const input = validInput();
    input.sections[1]!.refs.placements = input.sections[1]!.refs.placements.filter((p) => p.kind !== 'study');
    expect(problemsOf(input)).toEqual(['content/studies/yang-2018.yaml (section): study "yang-2018" is not placed in its section "lco" (write <Study id="yang-2018" /> there)']);
    const moved = validInput();
    moved.sections[0]!.refs.placements.push({ kind: 'study', id: 'yang-2018', line: 2, column: 1 });
    expect(problemsOf(moved)[0]).toBe('content/sections/cathodes.mdx:2:1: study "yang-2018" belongs to section "lco" (its "section" field) but is placed in "cathodes"');
  });

  it('reports a reaction placed nowhere', () => {
    const input = validInput();
    input.sections[1]!.refs.placements = input.sections[1]!.refs.placements.filter((p) => p.kind !== 'reaction');
    expect(problemsOf(input)).toContain('content/reactions/lco-1.yaml: reaction "lco-1" is placed in no section (write <Reaction id="lco-1" /> where the text discusses it)');
  });

  it('reports malformed TeX and mhchem in data fields with the value', () => {
    const input = validInput();
    input.reactions[0]!.data = { ...input.reactions[0]!.data, tex: 'Li + LiCoO2 -> CoO + Li2O}' };
    input.studies[0]!.data.observations = ['$\\frac{1}$ broken'];
    input.materials[1]!.data = { ...input.materials[1]!.data, formula: 'Co{O' };
    const problems = problemsOf(input);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^content\/reactions\/lco-1\.yaml \(tex\): TeX does not render: .* \(value: "Li \+ LiCoO2 -> CoO \+ Li2O}"\)$/);
    expect(problems[1]).toMatch(/^content\/studies\/yang-2018\.yaml \(observations\[0\]\): TeX does not render: .*\(value: "\$\\\\frac\{1\}\$ broken"\)$/);
    expect(problems[2]).toMatch(/^content\/materials\/coo\.yaml \(formula\): TeX does not render: .*\(value: "Co\{O"\)$/);
  });

  it('reports an unknown parent section', () => {
    const input = validInput();
    input.sections[1]!.data = { ...input.sections[1]!.data, parent: 'cathode' };
    expect(problemsOf(input)).toContain('content/sections/lco.mdx (parent): unknown section id "cathode" (nearest: cathodes, lco)');
  });

  it('reports a material, technique or cell that no study uses and no section links', () => {
    const input = validInput();
    input.materials.push({ id: 'limn2o4', filePath: 'content/materials/limn2o4.yaml', data: { ...input.materials[1]!.data, name: 'lithium manganese oxide', formula: 'LiMn2O4', abbreviations: ['LMO'] } });
    input.techniques.push({ id: 'eels', filePath: 'content/techniques/eels.yaml', data: { ...input.techniques[0]!.data, name: 'electron energy loss spectroscopy', abbreviation: 'EELS' } });
    input.cells.push({ id: 'thin-film-cell', filePath: 'content/cells/thin-film-cell.yaml', data: { ...input.cells[0]!.data, name: 'thin-film cell', order: 2 } });
    expect(problemsOf(input)).toEqual([
      'content/materials/limn2o4.yaml: material "limn2o4" is used by no study and linked from no section (link it where the text discusses it: [LMO](material:limn2o4))',
      'content/techniques/eels.yaml: technique "eels" is used by no study and linked from no section (link it: [EELS](technique:eels))',
      'content/cells/thin-film-cell.yaml: cell "thin-film-cell" is used by no study and linked from no section (link it: [thin-film cell](cell:thin-film-cell))',
    ]);
    input.sections[1]!.refs.links.push({ kind: 'material', id: 'limn2o4', text: 'LMO', line: 3, column: 1 }, { kind: 'technique', id: 'eels', text: 'EELS', line: 3, column: 9 }, { kind: 'cell', id: 'thin-film-cell', text: 'thin-film cell', line: 4, column: 1 });
    const g = buildGraph(input);
    expect(g.cell.get('thin-film-cell')!.sections.map((s) => s.slug)).toEqual(['lco']);
    expect(graphCounts(g)).toEqual({ sections: 2, studies: 1, materials: 3, techniques: 2, cells: 2, reactions: 1, references: 3, 'glossary terms': 1 });
  });

  it('reports a repeated glossary id, kept apart by the loader', () => {
    const input = validInput();
    input.glossary.push({ id: 'lco (entry 2)', filePath: 'content/glossary.yaml', data: { ...input.glossary[0]!.data } });
    expect(problemsOf(input)).toEqual(['content/glossary.yaml (id): duplicate glossary id "lco" (entry 2)']);
  });

  it('reports a glossary term that a second entry repeats or reads as its plural, at its line', () => {
    const input = validInput();
    const lco = input.glossary[0]!;
    lco.line = 17;
    input.glossary.push(
      { id: 'lco-2', filePath: 'content/glossary.yaml', line: 40, data: { ...lco.data, id: 'lco-2', expansion: 'low-cost oxide' } },
      { id: 'lcos', filePath: 'content/glossary.yaml', line: 44, data: { ...lco.data, id: 'lcos', term: 'LCOs' } },
      { id: 'nmc', filePath: 'content/glossary.yaml', line: 48, data: { ...lco.data, id: 'nmc', term: 'NMCs' } },
      { id: 'nmc-1', filePath: 'content/glossary.yaml', line: 52, data: { ...lco.data, id: 'nmc-1', term: 'NMC' } },
    );
    expect(problemsOf(input)).toEqual([
      'content/glossary.yaml:40 (term): duplicate glossary term "LCO": entry "lco" at line 17 has it too, and a page can expand it only one way',
      'content/glossary.yaml:44 (term): glossary term "LCOs" is read as the plural of "LCO" (entry "lco" at line 17): a page would expand it as that',
      'content/glossary.yaml:52 (term): the plural of glossary term "NMC" is the term of entry "nmc" at line 48, "NMCs": a page would expand one as the other',
    ]);
  });

  it('reports a study whose electrolyte is not one its cell configuration uses', () => {
    const input = validInput();
    input.studies[0]!.data.cell.electrolyte.materials = ['coo'];
    input.cells[0]!.data.electrolytes = ['licoo2'];
    expect(problemsOf(input)).toEqual([
      'content/studies/yang-2018.yaml (cell.electrolyte.materials[0]): "coo" is not an electrolyte of cell "open-cell" (its electrolytes: licoo2); file the study under the cell that uses it, or add it to the cell\'s electrolytes in content/cells/open-cell.yaml',
    ]);
  });

  it('reports a cell that cites the work of a study filed under another cell', () => {
    const input = validInput();
    const other = input.cells[0]!;
    input.cells.push({ ...other, id: 'bulk', filePath: 'content/cells/bulk.yaml', data: { ...other.data, name: 'bulk', order: 2, references: [3] } });
    input.sections[1]!.refs.links.push({ kind: 'cell', id: 'bulk', text: 'bulk', line: 8, column: 1 });
    expect(problemsOf(input)).toEqual([
      'content/cells/bulk.yaml (references[0]): reference 3 is the work of study "yang-2018" (filed under cell "open-cell"), not of a study with this cell; move the study here or the reference to its cell',
    ]);
  });

  it('reports what the plugins found in the bodies at its line, beside an unknown number of the same file', () => {
    const input = validInput();
    input.sections[1]!.refs.problems.push({ rule: 'citation-syntax', line: 12, column: 4, message: 'malformed citation "[@0]": there is no reference 0: the review numbers its references from 1' });
    input.sections[1]!.refs.citations.push({ numbers: [238], line: 12, column: 12, context: '' });
    expect(problemsOf(input)).toEqual([
      'content/sections/lco.mdx:12:4: malformed citation "[@0]": there is no reference 0: the review numbers its references from 1',
      'content/sections/lco.mdx:12:12 (citation): unknown reference number 238 (the review has 3)',
    ]);
  });

  it('reports a malformed citation in a text field under its own rule, with the value', () => {
    const input = validInput();
    input.studies[0]!.data.observations = ['As in [@0, 3].'];
    expect(problemsOf(input)).toEqual([
      'content/studies/yang-2018.yaml (observations[0]): malformed citation "[@0, 3]": there is no reference 0: the review numbers its references from 1 (value: "As in [@0, 3].")',
    ]);
  });

  it('gives every problem its rule id, printed after the message', () => {
    const input = validInput();
    input.sections[1]!.refs.citations.push({ numbers: [238], line: 12, column: 4, context: '' });
    input.sections[0]!.refs.links.push({ kind: 'section', id: 'lco', text: 'Section 1.2', line: 7, column: 5 });
    input.studies[0]!.data.year = 2017;
    input.cells[0]!.data.electrolytes = ['licoo2'];
    input.studies[0]!.data.cell.electrolyte.materials = ['coo'];
    input.references.push({ ...input.references[0]!, data: { ...input.references[0]!.data } });
    input.materials[0]!.data.summary = 'Unpaired $ here.';
    input.techniques[0]!.data.summary = 'As in [@3–1].';
    input.sections[0]!.refs.problems.push({ rule: 'link-syntax', line: 9, column: 1, message: '<Study> needs id="…"' });
    let message = '';
    try {
      buildGraph(input);
    } catch (error) {
      message = (error as Error).message;
    }
    const rules = [...message.matchAll(/ \[([a-z-]+)\]$/gm)].map((m) => m[1]);
    expect(rules.sort()).toEqual(['cell-filing', 'citation-syntax', 'duplicate', 'link-syntax', 'prose', 'section-number', 'study-year', 'unknown-id']);
    expect(rules.every((r) => (ruleIds as readonly string[]).includes(r!))).toBe(true);
  });

  it('checks every field the schemas type as prose, a reference’s note and a study’s environment among them', () => {
    const input = validInput();
    input.references[0]!.data.note = 'printed $\\ce{Li2O}} as such';
    input.studies[0]!.data.cell.environment = 'in $\\ce{CO2 gas';
    expect(problemsOf(input)).toEqual([
      'content/references.yaml (n: 1, note): TeX does not render: unpaired "$" in "printed $\\\\ce{Li2O}} as such" (value: "printed $\\\\ce{Li2O}} as such")',
      'content/studies/yang-2018.yaml (cell.environment): TeX does not render: unpaired "$" in "in $\\\\ce{CO2 gas" (value: "in $\\\\ce{CO2 gas")',
    ]);
    expect(proseFields(studySchema, input.studies[0]!.data).map((f) => f.field)).toEqual(['title', 'system', 'cell.working.text', 'cell.electrolyte.text', 'cell.environment', 'observations[0]']);
  });
});

