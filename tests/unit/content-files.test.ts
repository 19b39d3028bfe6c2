import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { checkContent, checkContentOnce, type ContentLayout } from '../../src/lib/content-files';
import { formatProblem } from '../../src/lib/graph/problems';
import { firstInvalidUtf8 } from '../../src/lib/utf8';

const record = z.strictObject({ title: z.string().trim().min(1, 'must not be empty'), year: z.number().int(), kind: z.enum(['a', 'b']).optional(), cell: z.strictObject({ type: z.string() }).optional() });
const layout: ContentLayout = {
  folders: { studies: { extension: '.yaml', schema: record }, sections: { extension: '.mdx', schema: record } },
  lists: { 'glossary.yaml': { schema: z.strictObject({ id: z.string(), term: z.string() }) } },
  others: ['review.bib'],
};

/** A content folder in a temporary project, its files written as given (strings as UTF-8, bytes as they are). */
function content(files: Record<string, string | Uint8Array>): string {
  const root = join(mkdtempSync(join(tmpdir(), 'content-')), 'content');
  for (const [path, data] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), data);
  }
  return root;
}

const good = { 'studies/a-2020.yaml': 'title: A\nyear: 2020\n', 'sections/intro.mdx': '---\ntitle: Intro\nyear: 1\n---\n\nText.\n', 'glossary.yaml': '- id: x\n  term: X\n', 'review.bib': '@article{x}\n' };

describe('every file of content/ is read, or the build says why not', () => {
  it('passes content laid out as the collections read it', () => {
    expect(checkContent(content(good), layout)).toEqual([]);
  });

  it('names each file no collection would read, and why', () => {
    const root = content({ ...good, 'studies/x.yml': 'title: X\n', 'studies/Zz-Upper.yaml': 'title: X\n', 'studies/old/a.yaml': '', 'sections/x.md': '', 'notes.txt': '', '.DS_Store': '' });
    expect(checkContent(root, layout).map(formatProblem)).toEqual([
      'content/notes.txt: not read: content/ holds studies/, sections/, glossary.yaml, review.bib and nothing else [unread-file]',
      'content/sections/x.md: not read: the files of content/sections/ end in .mdx [unread-file]',
      'content/studies/Zz-Upper.yaml: not read: a file\'s name is lower-case words joined by hyphens, and "Zz-Upper" is not (the edition does not rename or re-case it) [unread-file]',
      'content/studies/old/: a folder in content/studies/ is not read: each record is a file directly in it [unread-file]',
      'content/studies/x.yml: not read: the files of content/studies/ end in .yaml [unread-file]',
    ]);
  });

  it('names a byte that is not UTF-8 by its offset and line, in YAML, MDX and the other files', () => {
    const latin1 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
    const root = content({ ...good, 'studies/b-2021.yaml': latin1('title: Caf\u00e9\nyear: 2021\n'), 'sections/more.mdx': latin1('---\ntitle: More\nyear: 2\n---\n\nna\u00efve\n'), 'review.bib': latin1('@article{x, author = {G\u00f6}}') });
    expect(checkContent(root, layout).map(formatProblem)).toEqual([
      'content/review.bib:1: byte 0xF6 at offset 23 is not UTF-8: save the file as UTF-8 [encoding]',
      'content/sections/more.mdx:6: byte 0xEF at offset 31 is not UTF-8: save the file as UTF-8 [encoding]',
      'content/studies/b-2021.yaml:1: byte 0xE9 at offset 10 is not UTF-8: save the file as UTF-8 [encoding]',
    ]);
  });

  it('reports YAML that does not parse, and every field a schema refuses, at its line with the value', () => {
    const root = content({
      ...good,
      'studies/c-2022.yaml': 'title: C\ntitle: D\nyear: [\n',
      'studies/d-2023.yaml': 'title: " "\nyear: "twenty"\nkind: c\ncell:\n  type: open\n  tpye: open\nyaer: 2000\n',
      'sections/e.mdx': '---\nyear: 1.5\n---\n\nText.\n',
      'glossary.yaml': '- id: x\n  term: X\n- id: y\n  terms: Y\n',
    });
    expect(checkContent(root, layout).map(formatProblem)).toEqual([
      'content/glossary.yaml:3:3 (term): required field missing (text expected) [schema]',
      'content/glossary.yaml:4:3 (terms): unknown field (nearest: term, id) [schema]',
      'content/sections/e.mdx:2:1 (title): required field missing (text expected) [schema]',
      'content/sections/e.mdx:2:7 (year): expected a whole number, got 1.5 [schema]',
      'content/studies/c-2022.yaml:2:1: Map keys must be unique [yaml-syntax]',
      'content/studies/c-2022.yaml:4:1: Flow sequence in block collection must be sufficiently indented and end with a ] [yaml-syntax]',
      'content/studies/d-2023.yaml:1:8 (title): must not be empty (value: " ") [schema]',
      'content/studies/d-2023.yaml:2:7 (year): expected a number, got "twenty" [schema]',
      'content/studies/d-2023.yaml:3:7 (kind): "c" is not one of a, b [schema]',
      'content/studies/d-2023.yaml:6:3 (cell.tpye): unknown field (nearest: type) [schema]',
      'content/studies/d-2023.yaml:7:1 (yaer): unknown field (nearest: year, cell, kind) [schema]',
    ]);
  });

  it('checks a state of content/ once, however many loaders ask', () => {
    const root = content(good);
    const first = checkContentOnce(root, layout);
    expect(checkContentOnce(root, layout)).toBe(first);
    writeFileSync(join(root, 'studies', 'x.yml'), '');
    expect(checkContentOnce(root, layout)).not.toBe(first);
  });
});

describe('UTF-8', () => {
  it('finds the first byte that is not part of well-formed UTF-8', () => {
    const bytes = (...b: number[]) => Uint8Array.from(b);
    expect(firstInvalidUtf8(new TextEncoder().encode('Li–Au, 10⁻⁴ S cm⁻¹, 🔋'))).toBeUndefined();
    expect(firstInvalidUtf8(bytes(0x61, 0xe9, 0x62))).toBe(1); // Latin-1 é
    expect(firstInvalidUtf8(bytes(0x61, 0xe2, 0x80))).toBe(1); // cut short
    expect(firstInvalidUtf8(bytes(0xc0, 0xaf))).toBe(0); // overlong /
    expect(firstInvalidUtf8(bytes(0xed, 0xa0, 0x80))).toBe(0); // a surrogate
    expect(firstInvalidUtf8(bytes(0x61, 0x62, 0xf5, 0x80, 0x80, 0x80))).toBe(2); // beyond U+10FFFF
  });
});
