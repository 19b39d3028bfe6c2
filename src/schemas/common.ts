import { z } from 'astro/zod';

/** A record id: lower-case words joined by hyphens (it becomes part of a URL). */
export const idSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens');

/** A reference of the review, by its number in the review's list. */
export const referenceNumberSchema = z.number().int().positive();

/**
 * The text fields set as prose (inline Markdown: math in `$…$` with mhchem `\ce{}`, citations in `[@…]`,
 * cross-links). The content graph checks every field of a schema registered here, wherever a record's schema uses
 * it (src/lib/graph/prose.ts): a new field of these types is checked without being listed anywhere.
 */
export const proseTypes = z.registry<{ description: string }>();

/** Text for the reader. It may hold inline math in `$…$` (mhchem `\ce{}` included); never empty. */
export const proseSchema = z.string().trim().min(1, 'must not be empty').register(proseTypes, { description: 'prose' });

/** Prose that may be empty (a quantity's unit: "" for a pure number). */
export const inlineTextSchema = z.string().register(proseTypes, { description: 'prose, may be empty' });

/** A number as the review prints it (a value, a range or an approximate value) with its unit. */
export const quantitySchema = z.object({
  /** What was measured, e.g. "volume expansion". */
  quantity: proseSchema,
  /** The value as printed: "12", "5–15", "~2.1", "10^{-17}–10^{-16}" (TeX allowed inside `$…$`). */
  value: proseSchema,
  /** The unit as the review gives it ("nm", "%", "mAh g^-1"); empty for a pure number. */
  unit: inlineTextSchema.default(''),
  /** Optional qualification (direction, condition). */
  note: proseSchema.optional(),
});

export type Quantity = z.output<typeof quantitySchema>;
