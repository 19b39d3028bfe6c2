import { z } from 'astro/zod';

/** A record id: lower-case words joined by hyphens (it becomes part of a URL). */
export const idSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens');

/** A reference of the review, by its number in the review's list. */
export const referenceNumberSchema = z.number().int().positive();

/** Text for the reader. It may hold inline math in `$…$` (mhchem `\ce{}` included); never empty. */
export const proseSchema = z.string().trim().min(1, 'must not be empty');

/** A number as the review prints it (a value, a range or an approximate value) with its unit. */
export const quantitySchema = z.object({
  /** What was measured, e.g. "volume expansion". */
  quantity: proseSchema,
  /** The value as printed: "12", "5–15", "~2.1", "10^{-17}–10^{-16}" (TeX allowed inside `$…$`). */
  value: proseSchema,
  /** The unit as the review gives it ("nm", "%", "mAh g^-1"); empty for a pure number. */
  unit: z.string().default(''),
  /** Optional qualification (direction, condition). */
  note: z.string().optional(),
});

export type Quantity = z.output<typeof quantitySchema>;
