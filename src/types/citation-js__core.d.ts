// @citation-js/core ships no types: these declare the part of it this edition uses (src/lib/citation.ts and
// tests/site/citing.test.ts). Input and output formats come from the plugins imported beside it
// (@citation-js/plugin-bibtex, -csl, -ris).
declare module '@citation-js/core' {
  /** Options of `Cite#format`; each output format reads those it knows (`template` and `lang`: 'bibliography'). */
  export interface FormatOptions {
    /** 'text' and 'html' give a string; 'object' gives the format's own data. Default 'text'. */
    format?: 'text' | 'html' | 'object';
    /** Citation style of 'bibliography', e.g. 'apa' or 'vancouver'. */
    template?: string;
    /** Locale of 'bibliography', e.g. 'en-US'. */
    lang?: string;
  }

  /** Bibliographic records parsed from any input a loaded plugin reads (BibTeX, RIS, CSL-JSON …). */
  export class Cite {
    constructor(data: unknown);
    /** The records, as CSL-JSON items. */
    data: Record<string, unknown>[];
    /** The records in an output format a loaded plugin registers ('bibtex', 'ris', 'bibliography' …). */
    format(format: string, options: FormatOptions & { format: 'text' | 'html' }): string;
    format(format: string, options?: FormatOptions): unknown;
  }

  /** The plugin registry; the tests add a CSL style to @citation-js/plugin-csl's ('@csl': `styles.add(name, xml)`). */
  export const plugins: {
    config: { get(plugin: '@csl'): { styles: { add(name: string, xml: string): void } } };
  };
}
