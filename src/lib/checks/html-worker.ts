// One worker of validatePages (html.ts): validates its share of the pages and posts back their errors.
import { HtmlValidate } from 'html-validate';
import { parentPort, workerData } from 'node:worker_threads';
import { contentAfterHtml, htmlValidateConfig, problemsOf, type HtmlProblem } from './html.ts';

const validator = new HtmlValidate(htmlValidateConfig);
const problems: HtmlProblem[] = [];
for (const page of workerData as { url: string; file: string; html: string }[]) {
  problems.push(...problemsOf(await validator.validateString(page.html, page.file), page.url), ...contentAfterHtml(page.html, page.url));
}
parentPort!.postMessage(problems);
