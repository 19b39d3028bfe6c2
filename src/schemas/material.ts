import { z } from 'astro/zod';
import { proseSchema, quantitySchema, referenceNumberSchema } from './common';
import { keysOf, materialFamilies, materialRoles, mechanisms } from './vocabulary';

/** A property the review states for a material, with the reference it cites for it. */
const propertySchema = quantitySchema.extend({
  /** Reference number the review cites for the value, if any. */
  reference: referenceNumberSchema.optional(),
});

/** A material (`content/materials/<id>.yaml`). */
export const materialSchema = z.strictObject({
  /** Display name ("lithium cobalt oxide"). */
  name: proseSchema,
  /** Formula as mhchem TeX, without the `\ce{}` wrapper ("LiCoO2"). */
  formula: z.string().trim().min(1),
  /** Abbreviations the review uses ("LCO"). */
  abbreviations: z.array(z.string()).default([]),
  /** Other names and written forms a reader may search for. */
  aliases: z.array(z.string()).default([]),
  /** Roles it plays in the reviewed experiments. */
  roles: z.array(z.enum(keysOf(materialRoles))).min(1),
  /** Structural or chemical family. */
  family: z.enum(keysOf(materialFamilies)),
  /** Li-storage mechanism, per the review. */
  mechanism: z.enum(keysOf(mechanisms)).default('none'),
  /** One or two sentences on what the review says of it. */
  summary: proseSchema,
  /** Properties the review states. */
  properties: z.array(propertySchema).default([]),
  /** Editorial note. */
  note: proseSchema.optional(),
});

export type MaterialData = z.output<typeof materialSchema>;
