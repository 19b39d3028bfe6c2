/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';
import { LongestFirst } from './tests/sequencer.ts';

export default getViteConfig({
  test: {
    // The files a worker runs share its modules (no test mocks a module or changes global state): each module is
    // imported once per worker, not once per file, and the built pages are read and parsed once per worker
    // (tests/site/dist.ts) rather than by each of the 13 site files that read them (2 s each).
    isolate: false,
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        extends: true,
        // A few unit tests build the whole graph or validate many pages: 5 s is too little on a busy 2-core machine.
        // The unit tests run first, while the site tests' build runs (tests/site/build.setup.ts).
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'tests/plugins/**/*.test.ts'], testTimeout: 30_000, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts'],
          globalSetup: ['tests/site/build.setup.ts'],
          setupFiles: ['tests/site/built.ts'],
          sequence: { groupOrder: 1 },
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
    ],
  },
});
