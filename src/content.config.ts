import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { parse as parseYaml } from 'yaml';
import { cellSchema } from './schemas/cell';
import { glossarySchema } from './schemas/glossary';
import { materialSchema } from './schemas/material';
import { reactionSchema } from './schemas/reaction';
import { referenceSchema } from './schemas/reference';
import { sectionSchema } from './schemas/section';
import { studySchema } from './schemas/study';
import { techniqueSchema } from './schemas/technique';

/** One YAML file per record, named by its id. */
const records = (folder: string) => glob({ base: `./content/${folder}`, pattern: '*.yaml' });

/**
 * A YAML list of records in one file, keyed by one of their fields. Astro's file loader swallows a parser's error
 * message and keeps only the last of two equal keys, so this parser never throws and never drops an entry: an
 * entry whose key is missing or repeated is kept under "<key> (entry N)", and the schema (a missing field) or the
 * content graph (a repeated number or id) reports it with the file, the field and the value.
 */
const list = (path: string, keyField: string) =>
  file(path, {
    parser: (text) => {
      const entries = parseYaml(text) as unknown;
      // Not a list: one empty entry, so that the schema names the file and the missing fields.
      const list = Array.isArray(entries) ? (entries as Record<string, unknown>[]) : [{}];
      const byKey: Record<string, Record<string, unknown>> = {};
      list.forEach((entry, i) => {
        const key = entry?.[keyField];
        const named = key === undefined || key === null || key === '' ? `(entry ${i + 1})` : String(key);
        byKey[named in byKey ? `${named} (entry ${i + 1})` : named] = entry;
      });
      return byKey;
    },
  });

export const collections = {
  /** Sections: the id is the `slug` declared in the frontmatter. */
  sections: defineCollection({ loader: glob({ base: './content/sections', pattern: '*.mdx' }), schema: sectionSchema }),
  references: defineCollection({
    loader: list('./content/references.yaml', 'n'),
    schema: referenceSchema,
  }),
  studies: defineCollection({ loader: records('studies'), schema: studySchema }),
  materials: defineCollection({ loader: records('materials'), schema: materialSchema }),
  techniques: defineCollection({ loader: records('techniques'), schema: techniqueSchema }),
  cells: defineCollection({ loader: records('cells'), schema: cellSchema }),
  reactions: defineCollection({ loader: records('reactions'), schema: reactionSchema }),
  glossary: defineCollection({ loader: list('./content/glossary.yaml', 'id'), schema: glossarySchema }),
};
