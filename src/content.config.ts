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
 * A YAML list of records in one file, keyed by one of their fields. A key that is missing or repeated fails the
 * build here, naming the file, the entry and the value (Astro would keep the last of two equal keys).
 */
const list = (path: string, keyField: string) =>
  file(path, {
    parser: (text) => {
      const entries = parseYaml(text) as Record<string, unknown>[];
      if (!Array.isArray(entries)) throw new Error(`${path}: expected a YAML list of records`);
      const byKey: Record<string, Record<string, unknown>> = {};
      entries.forEach((entry, i) => {
        const key = entry?.[keyField];
        if (key === undefined || key === null || key === '')
          throw new Error(`${path}: entry ${i + 1}: missing field "${keyField}"`);
        if (String(key) in byKey) throw new Error(`${path}: entry ${i + 1}: duplicate ${keyField} "${String(key)}"`);
        byKey[String(key)] = entry;
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
