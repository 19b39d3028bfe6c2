import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The site test files that take longest, longest first (about 65, 55, 40, 30, 20, 16 and 12 s on two cores): they
 * start first, so that the two workers end together rather than one of them running the browser tests alone at the
 * end. Vitest orders files by their last durations only where it has run them before, which a clean clone (CI) has
 * not: it would order them by size, and start the browser tests tenth.
 */
const longest = ['browser', 'build-properties', 'reading', 'bad-content', 'search-page', 'navigation', 'following'].map((name) => `/tests/site/${name}.test.ts`);

export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) => {
      const i = longest.findIndex((end) => spec.moduleId.endsWith(end));
      return i === -1 ? longest.length : i;
    };
    const group = (spec: TestSpecification) => spec.project.config.sequence.groupOrder;
    // Stable: the other files keep vitest's order.
    return (await super.sort(files)).sort((a, b) => group(a) - group(b) || rank(a) - rank(b));
  }
}
