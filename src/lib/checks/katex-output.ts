import type { HtmlProblem } from './html';
import type { BuiltPage } from './site-files';
import { escapeRegExp } from '../../shared/regexp';


/**
 * KaTeX's error output in a built page's HTML: an element of class `katex-error` (what rehype-katex renders after
 * an error), or KaTeX's error colour in a `style` or MathML's `mathcolor` (a command KaTeX refused, set as red
 * text), each with its line, column and the text it shows. The build fails on these while it renders
 * (src/plugins/rehype-katex-strict.ts); this finds any that reached a page by another path (a second copy of
 * katex, a component that renders TeX itself). Pure.
 */
export function katexErrorOutput(page: Pick<BuiltPage, 'url' | 'html'>, errorColor = '#cc0000'): HtmlProblem[] {
  const color = `${escapeRegExp(errorColor)}(?![0-9a-f])`;
  const marks = new RegExp(
    `<[a-z][^>]*?\\s(?:class="(?:[^"]*\\s)?katex-error[\\s"]|style="(?:[^"]*;)?\\s*color:\\s*${color}|mathcolor="${color})`,
    'gi',
  );
  const problems: HtmlProblem[] = [];
  for (const m of page.html.matchAll(marks)) {
    const before = page.html.slice(0, m.index).split('\n');
    const line = before.length;
    // The first text inside: the refused command's name, or the TeX KaTeX could not render.
    const shown = (/>([^<]+)</.exec(page.html.slice(m.index, m.index + 2000))?.[1] ?? '').slice(0, 80);
    // KaTeX nests the colour (a span in a span, and the MathML beside): one report for each text on a line.
    if (problems.some((p) => p.line === line && p.message.endsWith(`"${shown}"`))) continue;
    problems.push({ page: page.url, line, column: before.at(-1)!.length + 1, rule: 'katex-error', message: `KaTeX error output, shown in red: "${shown}"` });
  }
  return problems;
}
