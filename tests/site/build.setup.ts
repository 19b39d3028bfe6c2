import { execFileSync } from 'node:child_process';
import { publishedAt } from './project-copy';

/**
 * Builds the site once for the site tests, unless EDITION_DIST names an existing build to check: a build for
 * publishing, at the example origin, so that the tests check what gets published.
 */
export default function setup() {
  if (process.env.EDITION_DIST) return;
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...publishedAt } });
}
