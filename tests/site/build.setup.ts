import { execFileSync } from 'node:child_process';

/** Builds the site once for the site tests, unless EDITION_DIST names an existing build to check. */
export default function setup() {
  if (process.env.EDITION_DIST) return;
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
