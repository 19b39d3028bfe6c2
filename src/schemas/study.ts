import { z } from 'astro/zod';
import { idSchema, proseSchema, quantitySchema, referenceNumberSchema } from './common';
import { keysOf, processes } from './vocabulary';

/** One electrode or electrolyte of an in situ cell: what the review says, and the material it is made of. */
const cellPartSchema = z.strictObject({
  /** Description as the review gives it (inline math allowed), e.g. "$\ce{LiCoO2}$ single crystal". */
  text: proseSchema,
  /** Ids of the materials this part consists of. */
  materials: z.array(idSchema).default([]),
});

/** A reviewed experiment (`content/studies/<id>.yaml`). */
export const studySchema = z.strictObject({
  /** Short label for lists ("Gong et al., LiCoO2 delithiation"). */
  title: proseSchema,
  /** Reference number(s) of the work(s) reporting the experiment. */
  references: z.array(referenceNumberSchema).min(1),
  /** Year of the first reference (for the timeline and the explorer). */
  year: z.number().int().min(1990).max(2100),
  /** Slug of the section that reviews it. */
  section: idSchema,
  /** The system in one phrase ("LiCoO2 cathode against LLZO"). */
  system: proseSchema,
  /** The cell built in or for the microscope. */
  cell: z.strictObject({
    /** Id of the cell type (`content/cells`). */
    type: idSchema,
    working: cellPartSchema,
    electrolyte: cellPartSchema,
    counter: cellPartSchema.optional(),
    /** Gas or other environment ("O2 in an ETEM", "CO2"), if any. */
    environment: proseSchema.optional(),
  }),
  /** What the cell was made to do. */
  processes: z.array(z.enum(keysOf(processes))).min(1),
  /** Ids of the TEM techniques used. */
  techniques: z.array(idSchema).min(1),
  /** Ids of every material involved (electrodes, electrolyte, products, hosts). */
  materials: z.array(idSchema).min(1),
  /** What was seen, in the edition's words, one finding per item. */
  observations: z.array(proseSchema).min(1),
  /** What it implies, each item credited in its text: to the study's authors for their reading, to the review for its own. */
  implications: z.array(proseSchema).default([]),
  /** Every number the review gives for the study, with its unit. */
  quantities: z.array(quantitySchema).default([]),
  /** Ids of the reactions the study reports, in order. */
  reactions: z.array(idSchema).default([]),
  /** The original figure panel(s) that show it ("Fig. 2a"). The image is not reproduced. */
  figures: z.array(z.string().regex(/^Fig\. \d+[a-z]?(?:[–-][a-z])?$/, 'must read like "Fig. 2a"')).default([]),
  /** Editorial note (clearly the edition's, not the review's). */
  note: proseSchema.optional(),
});

export type StudyData = z.output<typeof studySchema>;
