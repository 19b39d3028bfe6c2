import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { filesIn } from './site/dist.ts';

/** Every string a YAML document holds, with the path of its field ("quantities[2].value"). */
export function strings(value: unknown, path = ''): { field: string; text: string }[] {
  if (typeof value === 'string') return [{ field: path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

/** What a content file says in words: its YAML strings, or an MDX section's frontmatter strings and body lines. */
export function writtenIn(file: string): { field: string; text: string }[] {
  const source = readFileSync(file, 'utf8');
  if (file.endsWith('.yaml')) return strings(parseYaml(source));
  const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
  return [
    ...strings(parseYaml(frontmatter)),
    ...body.split('\n').map((text, i) => ({ field: `line ${frontmatter.split('\n').length + 3 + i}`, text })),
  ];
}

/** The edition's content files: YAML records and MDX sections. */
export const contentFiles = (root = 'content') => [...filesIn(root, '.yaml'), ...filesIn(root, '.mdx')].sort();
