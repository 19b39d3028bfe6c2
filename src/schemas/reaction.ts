import { z } from 'astro/zod';
import { idSchema, proseSchema } from './common';

/** A reaction equation of the review (`content/reactions/<id>.yaml`); its number is derived from reading order. */
export const reactionSchema = z.strictObject({
  /** The equation as mhchem TeX, without the `\ce{}` wrapper ("Li + LiCoO2 -> CoO + Li2O"). */
  tex: z.string().trim().min(1),
  /** Ids of the materials on either side. */
  materials: z.array(idSchema).min(1),
  /** Id of the study it comes from, if any. */
  study: idSchema.optional(),
  /** What the step is ("charge", "step 1 of overlithiation"); TeX in `$…$` allowed. */
  label: proseSchema.optional(),
  /** Id of the reaction this one follows, for multi-step paths. */
  follows: idSchema.optional(),
  /** Editorial note. */
  note: proseSchema.optional(),
});

export type ReactionData = z.output<typeof reactionSchema>;
