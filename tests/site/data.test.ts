import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { distDir, page, pages } from './dist';

const read = (file: string) => readFileSync(join(distDir, 'data', file), 'utf8');
/** How many pages of a kind the site has, e.g. `/materials/<id>/`. */
const pagesUnder = (prefix: string) => pages().filter((p) => new RegExp(`^/${prefix}/[^/]+/$`).test(p.url)).length;

const collections = [
  ['studies', pagesUnder.bind(null, 'studies')],
  ['materials', pagesUnder.bind(null, 'materials')],
  ['techniques', pagesUnder.bind(null, 'techniques')],
  ['cells', pagesUnder.bind(null, 'cells')],
  ['references', pagesUnder.bind(null, 'references')],
  ['reactions', () => page('/reactions/').dom.querySelectorAll('.reaction').length],
  ['glossary', () => page('/glossary/').dom.querySelectorAll('dt[id]').length],
] as const;

describe('/data/', () => {
  it.each(collections)('%s: the JSON holds every record and validates against its JSON Schema; the CSV has a row each', (name, expected) => {
    const records = JSON.parse(read(`${name}.json`)) as Record<string, unknown>[];
    const schema = JSON.parse(read(`${name}.schema.json`));
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(records), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(records.length).toBe(expected());
    expect(records.length).toBeGreaterThan(0);
    const csv = read(`${name}.csv`).trimEnd().split('\r\n');
    expect(csv[0]).toMatch(/^(id|n),/);
    // Quoted fields may hold line breaks; none of the records do, so rows and records match one to one.
    expect(csv.length - 1).toBe(records.length);
  });

  it('the page documents and links every file', () => {
    const { dom } = page('/data/');
    const links = dom.querySelectorAll('a[download]').map((a) => a.getAttribute('href'));
    for (const [name] of collections) for (const f of ['json', 'csv', 'schema.json']) expect(links).toContain(`/data/${name}.${f}`);
    expect(dom.querySelectorAll('tbody tr').length).toBeGreaterThan(40);
  });
});
