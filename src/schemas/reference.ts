import { z } from 'astro/zod';
import { proseSchema, referenceNumberSchema } from './common';

/** One entry of the review's reference list (`content/references.yaml`), as printed. Nothing is added to it. */
export const referenceSchema = z.strictObject({
  /** The review's number for the reference; the list is contiguous from 1. */
  n: referenceNumberSchema,
  /** Authors exactly as the review prints them ("Y. Gong et al."). */
  authors: z.string().trim().min(1),
  /** Journal abbreviation as printed ("J. Am. Chem. Soc."). */
  container: z.string().trim().min(1),
  /** Volume as printed. */
  volume: z.string().optional(),
  /** Year of publication as printed. */
  year: z.number().int().min(1900).max(2100),
  /** Page range or article number as printed ("4274-4277", "e1803108"). */
  pages: z.string().optional(),
  /** Editorial note, e.g. a misprint kept as printed. */
  note: proseSchema.optional(),
});

export type ReferenceData = z.output<typeof referenceSchema>;
