import { HtmlValidate, type ConfigData } from 'html-validate';
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

export interface HtmlProblem {
  page: string;
  line: number;
  column: number;
  rule: string;
  message: string;
}

/** Validates every page; returns each error with page, line, column and rule. */
export async function validatePages(pages: BuiltPage[]): Promise<HtmlProblem[]> {
  const validator = new HtmlValidate(htmlValidateConfig);
  const problems: HtmlProblem[] = [];
  for (const page of pages) {
    const report = await validator.validateString(page.html, page.file);
    for (const result of report.results)
      for (const m of result.messages)
        if (m.severity === 2) problems.push({ page: page.url, line: m.line, column: m.column, rule: m.ruleId, message: m.message });
  }
  return problems;
}
