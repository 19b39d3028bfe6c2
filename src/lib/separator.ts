/**
 * Between the items of an inline list (`BibTeX · RIS · CSL-JSON`): the no-break space before the dot keeps the dot
 * at the end of a line, never at the start of the next.
 */
export const listSeparator = '\u00A0· ';
