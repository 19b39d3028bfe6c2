/**
 * Where the edition is published, configured once, from the environment: astro.config.mjs gives it to Astro as
 * `site` and `base` (which the pages read through src/lib/site.ts), and the build command checks it before it
 * stages anything (src/cli/build.ts).
 * - `EDITION_SITE`: the origin readers reach the edition at, e.g. `https://edition.example.org`: an absolute http(s)
 *   URL without path, query or fragment, and not a loopback address.
 * - `EDITION_BASE`: the path it is served under on that origin, e.g. `/asslb/`: starts and ends with `/`; `/` if unset.
 * - `EDITION_PREVIEW=1`: a build for the local preview (`npm start`), whose pages and citations name
 *   {@link previewSite} and say so.
 * A build must have one of EDITION_SITE and EDITION_PREVIEW, never both. Without either, `astro dev` and the tools
 * that only load the configuration (`astro sync`, the unit tests) use the preview's origin.
 */

/** The local preview's origin: `npm run preview` serves on this host and port. */
export const previewSite = 'http://127.0.0.1:4321';

/**
 * An origin for builds that are measured or tested but never published (the bench, the site tests): a domain kept
 * for examples (RFC 2606), so that what they check is what a published build holds.
 */
export const exampleSite = 'https://edition.example.org';

export interface Publishing {
  /** The origin every canonical URL, metadata tag and citation names, without a trailing slash. */
  site: string;
  /** The base path, with a leading and a trailing slash. */
  base: string;
  /** Whether this is the local preview: its pages and citation blocks say that their addresses are not published. */
  preview: boolean;
}

/** A value of the publishing variables that cannot be built with; the message names the variable and the value. */
export class PublishingError extends Error {
  override name = 'PublishingError';
}

const readme = 'See "Publishing" in README.md.';
const quote = (name: string, value: string) => `${name}=${JSON.stringify(value)}`;

/** Host names that reach only the computer they are typed on. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '::1' || host === '0.0.0.0' || host === '::';
}

/** The origin in EDITION_SITE, or why it is not one. */
function origin(value: string): string | { problem: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: 'is not an absolute URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { problem: `has the scheme ${url.protocol.slice(0, -1)}, not http or https` };
  if (url.username || url.password) return { problem: 'carries a user name or password' };
  if (url.pathname !== '/' || url.search || url.hash || /[?#]/.test(value)) {
    return { problem: `has a path, query or fragment: the origin is ${url.origin}, and a path goes into EDITION_BASE (EDITION_BASE=${url.pathname.replace(/\/?$/, '/')})` };
  }
  if (isLoopback(url.hostname)) return { problem: `is a loopback address, which only this computer reaches: a published edition needs the origin its readers use (npm start builds the local preview without it)` };
  return url.origin;
}

/**
 * Reads and checks the publishing variables of `env`. `build` is true for a build (`npm run build`, `astro build`),
 * which must say where it is published or that it is the preview. Every problem is reported at once.
 */
export function readPublishing(env: Record<string, string | undefined>, { build }: { build: boolean }): Publishing {
  const problems: string[] = [];
  const base = env.EDITION_BASE || '/';
  if (!/^\/(?:[^/\s?#\\]+\/)*$/.test(base)) {
    problems.push(`${quote('EDITION_BASE', base)} is not a base path: it must start and end with "/" and hold no empty segment, space, "?" or "#" (e.g. EDITION_BASE=/asslb/, or leave it unset for /).`);
  }
  const previewValue = env.EDITION_PREVIEW ?? '';
  if (previewValue !== '' && previewValue !== '1') {
    problems.push(`${quote('EDITION_PREVIEW', previewValue)}: set it to 1 for a build of the local preview, or leave it unset.`);
  }
  const preview = previewValue === '1';
  const siteValue = env.EDITION_SITE ?? '';
  let site: string | undefined;
  if (siteValue !== '') {
    const read = origin(siteValue);
    if (typeof read === 'string') site = read;
    else problems.push(`${quote('EDITION_SITE', siteValue)} ${read.problem}. It must be the origin the edition is served from, e.g. EDITION_SITE=${exampleSite}.`);
  }
  if (siteValue !== '' && preview) {
    problems.push(`${quote('EDITION_SITE', siteValue)} and EDITION_PREVIEW=1 are both set: a build is either published at EDITION_SITE or a local preview at ${previewSite}; unset one of them.`);
  }
  if (build && siteValue === '' && !preview) {
    problems.push(
      `EDITION_SITE is not set: a build for publishing needs the origin the edition is served from, for its canonical URLs, metadata and citations. Set it, and EDITION_BASE if the edition is served under a path, e.g.\n  EDITION_SITE=${exampleSite} EDITION_BASE=/asslb/ npm run build\nFor a local preview, \`npm start\` builds with EDITION_PREVIEW=1 and serves it at ${previewSite}/.`,
    );
  }
  if (problems.length) throw new PublishingError(`${problems.join('\n')}\n${readme}`);
  return { site: site ?? previewSite, base, preview: site === undefined };
}
