import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ConfigData, Report } from 'html-validate';
import type { BuiltPage } from './site-files';

/**
 * html-validate's recommended rules, less those that KaTeX's output cannot meet (its HTML carries inline
 * `style` attributes and SVG paths) and those about authoring style rather than validity.
 */
export const htmlValidateConfig: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: {
    'no-inline-style': 'off', // KaTeX positions glyphs with inline styles
    'attribute-empty-style': 'off',
    'long-title': 'off', // section titles are as long as the review's
    'no-trailing-whitespace': 'off',
    // HTML allows any id without spaces; glossary anchors such as `#4d-stem` are published URLs.
    'valid-id': ['error', { relaxed: true }],
  },
};

/**
 * The rules for a page that gathers other pages whole (the whole edition's): the same, less `unique-landmark`, which
 * compares each landmark with every other and took minutes on that page at ten times the corpus (22.6 s against
 * 2.5 s without it, on the page's text eight times over). Its landmarks are the section pages', checked there with
 * the rule; axe's landmark-unique checks the whole page in the browser tests.
 */
export const gatheringPageConfig: ConfigData = { ...htmlValidateConfig, rules: { ...htmlValidateConfig.rules, 'unique-landmark': 'off' } };

export interface HtmlProblem {
  page: string;
  line: number;
  column: number;
  rule: string;
  message: string;
}

/** The errors of one page's html-validate report. */
export function problemsOf(report: Report, url: string): HtmlProblem[] {
  return report.results.flatMap((result) =>
    result.messages.filter((m) => m.severity === 2).map((m) => ({ page: url, line: m.line, column: m.column, rule: m.ruleId, message: m.message })),
  );
}

/**
 * Markup after `</html>`, which html-validate lets pass: browsers move it into the body (a parse error in HTML's
 * terms), so it runs as if it were written there. An Astro page puts it there when a `<script>` follows its layout.
 */
export function contentAfterHtml(html: string, url: string): HtmlProblem[] {
  const end = html.lastIndexOf('</html>');
  if (end < 0) return [];
  const rest = html.slice(end + '</html>'.length);
  const offset = rest.search(/\S/);
  if (offset < 0) return [];
  const before = html.slice(0, end + '</html>'.length + offset).split('\n');
  return [{ page: url, line: before.length, column: before.at(-1)!.length + 1, rule: 'content-after-html', message: `markup after </html>: "${rest.trim().slice(0, 80)}"` }];
}

/**
 * Validates every page (html-validate, then `contentAfterHtml`); returns each error with page, line, column and
 * rule, in the order of the pages. The pages are shared among worker threads (one per core, at most four):
 * html-validate is most of the build's checking time. The pages whose URL `gathering` holds get
 * `gatheringPageConfig`.
 */
export async function validatePages(pages: BuiltPage[], gathering: ReadonlySet<string> = new Set()): Promise<HtmlProblem[]> {
  const threads = Math.max(1, Math.min(availableParallelism(), 4, Math.ceil(pages.length / 100)));
  const shares = Array.from({ length: threads }, (_, i) => pages.filter((_, j) => j % threads === i).map(({ url, file, html }) => ({ url, file, html, gathering: gathering.has(url) })));
  const found = await Promise.all(
    shares.map(
      (share) =>
        new Promise<HtmlProblem[]>((resolve, reject) => {
          const worker = new Worker(new URL('./html-worker.ts', import.meta.url), { workerData: share });
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', (code) => code !== 0 && reject(new Error(`html-validate worker exited with code ${code}`)));
        }),
    ),
  );
  const order = new Map(pages.map((p, i) => [p.url, i]));
  return found.flat().sort((a, b) => order.get(a.page)! - order.get(b.page)!);
}
