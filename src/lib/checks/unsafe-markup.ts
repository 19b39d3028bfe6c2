import { elementsOf, placeOf, unsafeAttributes } from '../markup-safety';
import type { BuiltPage } from './site-files';

/** Markup of a built page that would run script or load from another origin where a host drops the meta CSP. */
export interface UnsafeMarkup {
  page: string;
  line: number;
  column: number;
  message: string;
}

/** Script types a browser does not run: data for the page (JSON-LD). */
const DATA_SCRIPT_TYPES = new Set(['application/ld+json', 'application/json']);

/**
 * Every element of the pages with an event-handler attribute, a script URL or a resource from another origin, every
 * `<style>` element (the edition's styles are stylesheet files) and every inline `<script>` a browser would run (its
 * scripts are files), with page, line and column.
 */
export function findUnsafeMarkup(pages: readonly BuiltPage[]): UnsafeMarkup[] {
  return pages.flatMap(({ url, html }) =>
    elementsOf(html).flatMap(({ tag, attributes, offset }) => {
      const faults = unsafeAttributes(tag, attributes);
      if (tag === 'style') faults.push("is an inline style sheet: the edition's styles are files");
      if (tag === 'script' && attributes.src === undefined && !DATA_SCRIPT_TYPES.has((attributes.type ?? '').toLowerCase()))
        faults.push("is an inline script: the edition's scripts are files");
      const at = faults.length ? placeOf(html, offset) : undefined;
      return faults.map((fault) => ({ page: url, ...at!, message: `<${tag}> ${fault}` }));
    }),
  );
}
