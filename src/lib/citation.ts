import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';

/** A CSL-JSON item, as citation-js reads and writes it. */
export interface CslItem {
  id: string;
  type: string;
  title?: string;
  author?: { given?: string; family?: string; literal?: string }[];
  [field: string]: unknown;
}

/** Parses BibTeX into CSL-JSON items (citation-js). */
export function parseBibtex(bibtex: string): CslItem[] {
  return new Cite(bibtex).data as CslItem[];
}
