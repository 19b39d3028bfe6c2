import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { materialSchema } from '../../src/schemas/material';
import { referenceSchema } from '../../src/schemas/reference';
import { sectionSchema } from '../../src/schemas/section';
import { studySchema } from '../../src/schemas/study';

/** The error text a person sees for bad frontmatter or data. */
const errorsOf = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected the value to be rejected');
  return result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

const section = { slug: 'cathode-oxides-polyanionic', title: 'Oxides', summary: 'Oxide cathodes.', parent: 'cathodes', order: 1 };

describe('schemas', () => {
  it('accept valid records and fill defaults', () => {
    expect(sectionSchema.parse(section)).toEqual(section);
    const m = materialSchema.parse({ name: 'lithium', formula: 'Li', roles: ['anode'], family: 'li-metal', summary: 'Metal.' });
    expect(m).toMatchObject({ abbreviations: [], aliases: [], properties: [], mechanism: 'none' });
  });

  it('name the field of a missing frontmatter value', () => {
    const { title: _t, ...untitled } = section;
    expect(errorsOf(sectionSchema, untitled)).toMatchInlineSnapshot(`
      [
        "title: Invalid input: expected string, received undefined",
      ]
    `);
  });

  it('name the field and the type of a wrong value', () => {
    expect(errorsOf(sectionSchema, { ...section, order: 'first' })).toMatchInlineSnapshot(`
      [
        "order: Invalid input: expected number, received string",
      ]
    `);
    expect(errorsOf(referenceSchema, { n: 83, authors: 'Y. Gong et al.', container: 'J. Am. Chem. Soc.', year: '2017' })).toMatchInlineSnapshot(`
      [
        "year: Invalid input: expected number, received string",
      ]
    `);
  });

  it('reject an empty title, a bad slug and an unknown field', () => {
    expect(errorsOf(sectionSchema, { ...section, title: '  ', slug: 'Oxides And', colour: 'red' })).toMatchInlineSnapshot(`
      [
        "slug: must be lower-case words joined by hyphens",
        "title: must not be empty",
        ": Unrecognized key: "colour"",
      ]
    `);
  });

  it('reject values outside a vocabulary, listing the allowed ones', () => {
    expect(errorsOf(materialSchema, { name: 'x', formula: 'X', roles: ['electrode'], family: 'layered-oxide', summary: 'x' })).toMatchInlineSnapshot(`
      [
        "roles.0: Invalid option: expected one of "cathode"|"anode"|"solid-electrolyte"|"interphase"|"host"|"coating"|"catalyst"|"current-collector"",
      ]
    `);
  });

  it('check figure panels and quantities of studies', () => {
    const study = {
      title: 't', references: [83], year: 2017, section: 's', system: 's', processes: ['delithiation'], techniques: ['stem'], materials: ['licoo2'], observations: ['o'],
      cell: { type: 'solid-electrolyte-open-cell', working: { text: 'LCO' }, electrolyte: { text: 'LLZO' } },
    };
    expect(studySchema.parse({ ...study, figures: ['Fig. 2a'] }).figures).toEqual(['Fig. 2a']);
    expect(errorsOf(studySchema, { ...study, figures: ['figure 2'], quantities: [{ quantity: 'size', value: '' }] })).toMatchInlineSnapshot(`
      [
        "quantities.0.value: must not be empty",
        "figures.0: must read like "Fig. 2a"",
      ]
    `);
  });
});
