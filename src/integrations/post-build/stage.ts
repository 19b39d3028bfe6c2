import type { BuiltPage } from '../../lib/checks/site-files';

/** The built site as the post-build stages see it: its pages are read once, before the first stage. */
export interface BuiltSite {
  /** The build's output folder. */
  readonly dir: string;
  /** Astro's base path, with a trailing slash. */
  readonly base: string;
  /**
   * Every page (Pagefind's files excluded), in path order. A stage that changes a page sets its `html`; each
   * changed page is written once, after the last stage.
   */
  readonly pages: BuiltPage[];
}

/** One step of the work done on the built site, with the name its log line carries. */
export interface Stage {
  readonly name: string;
  /** Does the stage's work (other files it writes at once) and returns what to log; throws to fail the build. */
  run(site: BuiltSite): string | Promise<string>;
}
