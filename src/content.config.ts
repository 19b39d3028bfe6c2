import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { parse as parseYaml } from 'yaml';
import { checkContentOnce, type ContentLayout } from './lib/content-files';
import { ContentGraphError } from './lib/graph/problems';
import { keyedEntries } from './lib/yaml-list';
import { cellSchema } from './schemas/cell';
import { glossarySchema } from './schemas/glossary';
import { materialSchema } from './schemas/material';
import { reactionSchema } from './schemas/reaction';
import { referenceSchema } from './schemas/reference';
import { sectionSchema } from './schemas/section';
import { studySchema } from './schemas/study';
import { techniqueSchema } from './schemas/technique';

/** Everything `content/` holds, once: the collections below load it, and `checkContent` reads every file by it. */
const layout = {
  folders: {
    sections: { extension: '.mdx', schema: sectionSchema },
    studies: { extension: '.yaml', schema: studySchema },
    materials: { extension: '.yaml', schema: materialSchema },
    techniques: { extension: '.yaml', schema: techniqueSchema },
    cells: { extension: '.yaml', schema: cellSchema },
    reactions: { extension: '.yaml', schema: reactionSchema },
  },
  lists: { 'references.yaml': { schema: referenceSchema }, 'glossary.yaml': { schema: glossarySchema } },
  /** Read by src/lib/site.ts (the review's record) and by `npm run urls` and its test (the published URLs). */
  others: ['review.bib', 'published-urls.txt'],
} as const satisfies ContentLayout;

/**
 * A loader that first checks the whole of `content/` (src/lib/content-files.ts; once for all the loaders): a file no
 * collection would read, a byte that is not UTF-8, YAML that does not parse or a field its schema refuses stops the
 * build before anything loads, with every such problem at its file and line, rather than Astro's first one at `:0:0`.
 */
const checked = (loader: Loader): Loader => ({
  ...loader,
  load: async (context) => {
    const problems = checkContentOnce('content', layout);
    if (problems.length) {
      const error = new ContentGraphError(problems);
      error.stack = ''; // where in the build's code it was found says nothing to the writer
      throw error;
    }
    return loader.load(context);
  },
});

/** One file per record, named by its id. */
const records = (folder: keyof typeof layout.folders) =>
  checked(glob({ base: `./content/${folder}`, pattern: `*${layout.folders[folder].extension}` }));

/**
 * A YAML list of records in one file, keyed by one of their fields. Astro's file loader swallows a parser's error
 * message and keeps only the last of two equal keys, so this parser never throws and never drops an entry: an
 * entry whose key is missing or repeated is kept under "<key> (entry N)" (`keyedEntries`), and the content graph
 * reports a repeated number or id with the file, the line and the value.
 */
const list = (name: keyof typeof layout.lists, keyField: string) =>
  checked(file(`./content/${name}`, { parser: (text) => Object.fromEntries(keyedEntries(parseYaml(text), keyField).map((e) => [e.key, e.entry])) }));

export const collections = {
  /** Sections: the id is the `slug` declared in the frontmatter. */
  sections: defineCollection({ loader: records('sections'), schema: sectionSchema }),
  references: defineCollection({ loader: list('references.yaml', 'n'), schema: referenceSchema }),
  studies: defineCollection({ loader: records('studies'), schema: studySchema }),
  materials: defineCollection({ loader: records('materials'), schema: materialSchema }),
  techniques: defineCollection({ loader: records('techniques'), schema: techniqueSchema }),
  cells: defineCollection({ loader: records('cells'), schema: cellSchema }),
  reactions: defineCollection({ loader: records('reactions'), schema: reactionSchema }),
  glossary: defineCollection({ loader: list('glossary.yaml', 'id'), schema: glossarySchema }),
};
