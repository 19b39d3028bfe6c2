import { z } from 'astro/zod';
import { proseSchema } from './common';
import { keysOf, techniqueKinds } from './vocabulary';

/** A TEM technique or mode (`content/techniques/<id>.yaml`). */
export const techniqueSchema = z.strictObject({
  /** Full name ("electron energy loss spectroscopy"). */
  name: proseSchema,
  /** Abbreviation as the review writes it ("EELS"). */
  abbreviation: z.string().optional(),
  /** Other names a reader may search for. */
  aliases: z.array(z.string()).default([]),
  /** What kind of technique it is. */
  kind: z.enum(keysOf(techniqueKinds)),
  /** What it measures and what the review uses it for, in the edition's words. */
  summary: proseSchema,
});

export type TechniqueData = z.output<typeof techniqueSchema>;
