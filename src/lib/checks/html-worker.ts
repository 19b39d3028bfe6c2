// One worker of validatePages (html.ts): validates its share of the pages and posts back their errors.
import { HtmlValidate } from 'html-validate';
import { parentPort, workerData } from 'node:worker_threads';
import { contentAfterHtml, gatheringPageConfig, htmlValidateConfig, problemsOf, type HtmlProblem } from './html.ts';

const validator = new HtmlValidate(htmlValidateConfig);
const gatheringValidator = new HtmlValidate(gatheringPageConfig);
const problems: HtmlProblem[] = [];
for (const page of workerData as { url: string; file: string; html: string; gathering: boolean }[]) {
  const report = await (page.gathering ? gatheringValidator : validator).validateString(page.html, page.file);
  problems.push(...problemsOf(report, page.url), ...contentAfterHtml(page.html, page.url));
}
parentPort!.postMessage(problems);
