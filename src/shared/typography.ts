// Typographic conventions the edition's pages share. The browser's scripts import this module too: keep it free of
// build-time libraries (the records' text is typeset by `typeset.ts`).

/**
 * Between the items of an inline list (`BibTeX · RIS · CSL-JSON`): the no-break space before the dot keeps the dot
 * at the end of a line, never at the start of the next.
 */
export const listSeparator = '\u00A0· ';

/** A count and what it counts, kept on one line (`22 techniques`, never `22` at the end of a line). */
export const counted = (n: number, noun: string): string => `${n}\u00A0${noun}`;

/**
 * Text to be shown inside quotation marks (a `<q>`): its own double quotation marks become single ones, as a quote
 * within a quote is set (`“… the ‘holy grail’ of anodes …”`).
 */
export const quotedWithin = (text: string): string => text.replaceAll('“', '‘').replaceAll('”', '’');
