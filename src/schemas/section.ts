import { z } from 'astro/zod';
import { idSchema, proseSchema } from './common';

/** Frontmatter of a section page (`content/sections/*.mdx`). The edition's section numbers are derived. */
export const sectionSchema = z.strictObject({
  /** Stable URL slug: the page lives at `/sections/<slug>/`. Declared, never derived from the title. */
  slug: idSchema,
  /** The section's title, in the edition's words. */
  title: proseSchema,
  /** Title shown in the contents and breadcrumbs when the full title is long. */
  shortTitle: z.string().optional(),
  /** One or two sentences saying what the section covers: the page's lede, and in plain text its description (TeX in `$…$`). */
  summary: proseSchema,
  /** Slug of the parent section; absent for a top-level part. */
  parent: idSchema.optional(),
  /** Position among the sections with the same parent (1, 2, 3 …); the edition's numbering follows it. */
  order: z.number().int().positive(),
  /** The heading of the review this section edits, as printed (for the reader who holds the original). */
  reviewHeading: z.string().optional(),
});

export type SectionData = z.output<typeof sectionSchema>;
