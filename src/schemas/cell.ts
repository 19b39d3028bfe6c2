import { z } from 'astro/zod';
import { idSchema, proseSchema, referenceNumberSchema } from './common';
import { cellFamilies, keysOf } from './vocabulary';

/** An in situ cell configuration (`content/cells/<id>.yaml`). */
export const cellSchema = z.strictObject({
  /** Name as the review uses it ("solid-state open cell"). */
  name: proseSchema,
  /** Which group of the review's overview figure it belongs to. */
  family: z.enum(keysOf(cellFamilies)),
  /** Typical working electrode. */
  working: proseSchema,
  /** Electrolyte. */
  electrolyte: proseSchema,
  /**
   * Ids of the materials that serve as electrolyte in the studies the review reports with this configuration; empty
   * when none does. A study filed under the cell whose electrolyte is another material fails the build.
   */
  electrolytes: z.array(idSchema),
  /** Typical counter electrode. */
  counter: proseSchema,
  /** Environment (vacuum, gas in an ETEM …). */
  environment: proseSchema,
  /** What it is for and what it does and does not represent, per the review. */
  summary: proseSchema,
  /** References the review cites for the configuration. */
  references: z.array(referenceNumberSchema).default([]),
  /** Order in the overview (1–6 for the six configurations of the review's Fig. 1; others after). */
  order: z.number().int().positive(),
});

export type CellData = z.output<typeof cellSchema>;
