import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import type { z } from 'astro/zod';
import { type Problem } from './graph/problems';
import { parseYamlWithPlaces } from './yaml-places';
import { schemaProblems } from './schema-problems';
import { firstInvalidUtf8 } from './utf8';

/** What `content/` holds: the folders of one record per file, the files of many records, and the other files read. */
export interface ContentLayout {
  /** `studies` → each `content/studies/<id>.yaml` is one record of this schema. */
  folders: Record<string, { extension: '.yaml' | '.mdx'; schema: z.ZodType }>;
  /** `glossary.yaml` → a YAML list of records of this schema. */
  lists: Record<string, { schema: z.ZodType }>;
  /** Other files the edition reads (`review.bib`), which need only be UTF-8. */
  others: readonly string[];
}

/** A file name that is an id: lower-case words joined by hyphens. */
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Files an operating system leaves in any folder it shows: never content. */
const SYSTEM_FILES = new Set(['.DS_Store', 'Thumbs.db']);
/** The frontmatter of an MDX file: its YAML starts on line 2. */
const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n?---(?:\r?\n|$)/;

/** Why a file of a record folder is not read as a record, or undefined when it is. */
export function unreadReason(name: string, folder: string, extension: string, isFolder: boolean): string | undefined {
  if (isFolder) return `a folder in content/${folder}/ is not read: each record is a file directly in it`;
  if (!name.endsWith(extension)) return `not read: the files of content/${folder}/ end in ${extension}`;
  const id = name.slice(0, -extension.length);
  if (!ID.test(id)) return `not read: a file's name is lower-case words joined by hyphens, and "${id}" is not (the edition does not rename or re-case it)`;
  return undefined;
}

/** The problem of a file with a byte that is not UTF-8, at its offset and line; undefined when it has none. */
export function encodingProblem(file: string, bytes: Uint8Array): Problem | undefined {
  const offset = firstInvalidUtf8(bytes);
  if (offset === undefined) return undefined;
  const line = bytes.subarray(0, offset).filter((b) => b === 0x0a).length + 1;
  const byte = bytes[offset]!.toString(16).toUpperCase().padStart(2, '0');
  return { rule: 'encoding', file, line, message: `byte 0x${byte} at offset ${offset} is not UTF-8: save the file as UTF-8` };
}

/** The YAML syntax and schema problems of one record's YAML, at their lines. */
function recordProblems(file: string, yaml: string, schema: z.ZodType, firstLine = 1): Problem[] {
  const { data, errors, placeOf } = parseYamlWithPlaces(yaml, firstLine);
  if (errors.length) return errors.map((e) => ({ rule: 'yaml-syntax', file, ...e }));
  return schemaProblems(schema, data ?? {}, placeOf).map((p) => ({ rule: 'schema', file, ...p }));
}

/** The problems of a YAML list of records: each entry checked against the schema, at its lines. */
function listProblems(file: string, yaml: string, schema: z.ZodType): Problem[] {
  const { data, errors, placeOf } = parseYamlWithPlaces(yaml);
  if (errors.length) return errors.map((e) => ({ rule: 'yaml-syntax', file, ...e }));
  if (!Array.isArray(data)) return [{ rule: 'schema', file, line: 1, message: 'expected a list of entries, each starting with "- "' }];
  return data.flatMap((entry, i) =>
    schemaProblems(schema, entry, (path, options) => placeOf([i, ...path], options)).map((p) => ({ rule: 'schema' as const, file, ...p })),
  );
}

/**
 * Every file of the content folder `root` is read as the layout says, or this says why not: a file or folder the
 * layout does not know, an extension other than its folder's, a name that is not an id; a byte that is not UTF-8;
 * YAML that does not parse; a record (or a section's frontmatter) that its schema refuses, at the field's line.
 * Files are named as the build names them, from the folder that holds `root` (`content/studies/x.yaml`).
 */
export function checkContent(root: string, layout: ContentLayout): Problem[] {
  const problems: Problem[] = [];
  const name = (path: string) => relative(dirname(root), path).split('\\').join('/');
  /** The file's text, or undefined after reporting a byte that is not UTF-8. */
  const read = (path: string) => {
    const bytes = readFileSync(path);
    const bad = encodingProblem(name(path), bytes);
    if (bad) problems.push(bad);
    return bad ? undefined : new TextDecoder().decode(bytes);
  };
  const known = [...Object.keys(layout.folders).map((f) => `${f}/`), ...Object.keys(layout.lists), ...layout.others];
  /** A folder's entries by name, so that the problems come in the same order on every machine. */
  const entriesOf = (path: string) => readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entriesOf(root)) {
    if (SYSTEM_FILES.has(entry.name)) continue;
    const path = join(root, entry.name);
    const folder = entry.isDirectory() ? layout.folders[entry.name] : undefined;
    const list = entry.isFile() ? layout.lists[entry.name] : undefined;
    if (folder) {
      for (const child of entriesOf(path)) {
        if (SYSTEM_FILES.has(child.name)) continue;
        const file = join(path, child.name);
        const reason = unreadReason(child.name, entry.name, folder.extension, child.isDirectory());
        if (reason) {
          problems.push({ rule: 'unread-file', file: name(file) + (child.isDirectory() ? '/' : ''), message: reason });
          continue;
        }
        const text = read(file);
        if (text === undefined) continue;
        if (folder.extension === '.yaml') problems.push(...recordProblems(name(file), text, folder.schema));
        else problems.push(...recordProblems(name(file), FRONTMATTER.exec(text)?.[1] ?? '', folder.schema, 2));
      }
    } else if (list) {
      const text = read(path);
      if (text !== undefined) problems.push(...listProblems(name(path), text, list.schema));
    } else if (entry.isFile() && layout.others.includes(entry.name)) read(path);
    else problems.push({ rule: 'unread-file', file: name(path) + (entry.isDirectory() ? '/' : ''), message: `not read: ${basename(root)}/ holds ${known.join(', ')} and nothing else` });
  }
  return problems;
}

let last: { key: string; problems: Problem[] } | undefined;

/**
 * `checkContent`, computed once for a state of `content/`: every collection's loader asks for it, and all but the
 * first get the answer of the first unless a file changed (its name, size or time) in between.
 */
export function checkContentOnce(root: string, layout: ContentLayout): Problem[] {
  const key = readdirSync(root, { recursive: true })
    .map(String)
    .sort()
    .map((f) => {
      const s = statSync(join(root, f));
      return `${f}:${s.size}:${s.mtimeMs}`;
    })
    .join('\n');
  if (last?.key !== key) last = { key, problems: checkContent(root, layout) };
  return last.problems;
}
