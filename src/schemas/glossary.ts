import { z } from 'astro/zod';
import { idSchema, proseSchema } from './common';

/** One abbreviation or term of the review (`content/glossary.yaml`). */
export const glossarySchema = z.strictObject({
  /** Stable id (anchor on `/glossary/`). */
  id: idSchema,
  /** The abbreviation or term as written ("ASSLB"). */
  term: z.string().trim().min(1),
  /** Its expansion ("all-solid-state lithium battery"). */
  expansion: proseSchema,
  /** A short definition in the edition's words, if the expansion is not enough. */
  definition: proseSchema.optional(),
  /** Id of a material or technique that explains it more fully (`material:…` or `technique:…`). */
  see: z.string().regex(/^(material|technique|cell):[a-z0-9-]+$/).optional(),
});

export type GlossaryData = z.output<typeof glossarySchema>;
