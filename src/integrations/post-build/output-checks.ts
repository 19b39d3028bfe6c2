import { validatePages, type HtmlProblem } from '../../lib/checks/html';
import { katexErrorOutput } from '../../lib/checks/katex-output';
import { findUnsafeMarkup } from '../../lib/checks/unsafe-markup';
import { findBrokenLinks, type BrokenLink } from '../../lib/checks/links';
import { makeRoutes } from '../../lib/routes';
import type { Stage } from './stage';

/** The message a build with invalid pages or broken links fails with: one line a problem, the first 50 of them. Pure. */
export function checkFailure(invalid: HtmlProblem[], broken: BrokenLink[]): string | undefined {
  const lines = [
    ...invalid.map((p) => `${p.page} ${p.line}:${p.column} [${p.rule}] ${p.message}`),
    ...broken.map((b) => `${b.page}: link "${b.href}": ${b.reason}`),
  ];
  if (!lines.length) return undefined;
  return `The built pages fail ${lines.length} check(s):\n${lines.slice(0, 50).join('\n')}${lines.length > 50 ? `\n… and ${lines.length - 50} more` : ''}`;
}

/** Every page must be valid HTML and every internal link and anchor must resolve; runs over the pages as they will be written. */
export const outputChecks: Stage = {
  name: 'output checks',
  async run({ dir, base, pages }) {
    // Valid HTML, and no KaTeX error or trust-refused command rendered in red (src/lib/checks/katex-output.ts).
    const invalid = [
      // The whole edition's page gathers the sections' landmarks, checked on their own pages (src/lib/checks/html.ts).
      ...(await validatePages(pages, new Set([makeRoutes(base).edition]))),
      ...pages.flatMap((p) => katexErrorOutput(p)),
      // No event handler, javascript: URL, external resource, <style> or <script> the edition did not mean (src/lib/checks/unsafe-markup.ts).
      ...findUnsafeMarkup(pages).map((u) => ({ page: u.page, line: u.line, column: u.column, rule: 'unsafe-markup', message: u.message })),
    ];
    const failure = checkFailure(invalid, findBrokenLinks(pages, dir, base));
    if (failure) throw new Error(failure);
    return `${pages.length} pages: valid HTML, no KaTeX error, no unsafe markup, no broken link or anchor`;
  },
};
