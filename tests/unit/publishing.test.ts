import { describe, expect, it } from 'vitest';
import { publishingCheck } from '../../src/integrations/publishing';
import { exampleSite, isLoopback, previewSite, readPublishing } from '../../src/lib/publishing';

const build = (env: Record<string, string>) => readPublishing(env, { build: true });
/** The message a build with `env` stops with, or '' if it builds. */
const refusal = (env: Record<string, string>) => {
  try {
    build(env);
    return '';
  } catch (error) {
    return (error as Error).message;
  }
};

describe('the publishing variables', () => {
  it('give a build its origin and base path, and the preview its loopback origin', () => {
    expect(build({ EDITION_SITE: 'https://edition.example.org/', EDITION_BASE: '/asslb/' })).toEqual({ site: 'https://edition.example.org', base: '/asslb/', preview: false });
    expect(build({ EDITION_SITE: 'http://Edition.Example.org:8080' })).toEqual({ site: 'http://edition.example.org:8080', base: '/', preview: false });
    expect(build({ EDITION_PREVIEW: '1', EDITION_BASE: '/a/b/' })).toEqual({ site: previewSite, base: '/a/b/', preview: true });
    // `astro dev`, `astro sync` and the unit tests load the configuration without either: the preview's origin.
    expect(readPublishing({}, { build: false })).toEqual({ site: previewSite, base: '/', preview: true });
  });

  it('stop a build that has no origin, saying how to set one', () => {
    expect(refusal({})).toMatchInlineSnapshot(`
      "EDITION_SITE is not set: a build for publishing needs the origin the edition is served from, for its canonical URLs, metadata and citations. Set it, and EDITION_BASE if the edition is served under a path, e.g.
        EDITION_SITE=https://edition.example.org EDITION_BASE=/asslb/ npm run build
      For a local preview, \`npm start\` builds with EDITION_PREVIEW=1 and serves it at http://127.0.0.1:4321/.
      See "Publishing" in README.md."
    `);
    expect(refusal({ EDITION_SITE: '' })).toMatch(/^EDITION_SITE is not set/);
  });

  it('stop a build with a bad value, naming the variable and the value', () => {
    expect(refusal({ EDITION_SITE: 'edition.example.org' })).toMatch(/^EDITION_SITE="edition\.example\.org" is not an absolute URL\. It must be the origin the edition is served from, e\.g\. EDITION_SITE=https:\/\/edition\.example\.org\.\n/);
    expect(refusal({ EDITION_SITE: 'ftp://edition.example.org' })).toMatch(/^EDITION_SITE="ftp:\/\/edition\.example\.org" has the scheme ftp, not http or https\./);
    expect(refusal({ EDITION_SITE: 'https://me:secret@edition.example.org' })).toMatch(/carries a user name or password/);
    expect(refusal({ EDITION_SITE: 'https://user.github.io/asslb' })).toMatch(
      /^EDITION_SITE="https:\/\/user\.github\.io\/asslb" has a path, query or fragment: the origin is https:\/\/user\.github\.io, and a path goes into EDITION_BASE \(EDITION_BASE=\/asslb\/\)/,
    );
    for (const query of ['https://edition.example.org/?x=1', 'https://edition.example.org/#top', 'https://edition.example.org?']) expect(refusal({ EDITION_SITE: query }), query).toMatch(/has a path, query or fragment/);
    for (const base of ['asslb', '/asslb', 'asslb/', '//', '/a//b/', '/a b/', '/a?b/']) {
      expect(refusal({ EDITION_SITE: exampleSite, EDITION_BASE: base }), base).toMatch(new RegExp(`^EDITION_BASE=${JSON.stringify(base).replace(/[?/]/g, '\\$&')} is not a base path: it must start and end with "/"`));
    }
    expect(refusal({ EDITION_PREVIEW: 'true' })).toMatch(/^EDITION_PREVIEW="true": set it to 1 for a build of the local preview, or leave it unset\./m);
  });

  it('never publish a loopback address, nor the preview at an origin', () => {
    for (const site of ['http://127.0.0.1:4321', 'http://localhost', 'https://app.localhost:8443', 'http://[::1]:4321', 'http://0.0.0.0:8080', 'http://127.1.2.3']) {
      expect(refusal({ EDITION_SITE: site }), site).toMatch(/is a loopback address, which only this computer reaches/);
    }
    expect(refusal({ EDITION_SITE: exampleSite, EDITION_PREVIEW: '1' })).toMatch(/EDITION_SITE="https:\/\/edition\.example\.org" and EDITION_PREVIEW=1 are both set/);
    expect(isLoopback('localhost.example.org')).toBe(false);
    expect(isLoopback('127.example.org')).toBe(false);
  });

  it('report every problem at once, and a bad value even where no build is made', () => {
    const all = refusal({ EDITION_SITE: 'x', EDITION_BASE: 'y', EDITION_PREVIEW: 'z' });
    expect(all.split('\n').map((line) => line.split(/[= ]/)[0])).toEqual(['EDITION_BASE', 'EDITION_PREVIEW', 'EDITION_SITE', 'See']);
    expect(() => readPublishing({ EDITION_BASE: 'y' }, { build: false })).toThrow(/EDITION_BASE="y"/);
  });

  it('are checked when Astro builds, whether or not the build command started it', () => {
    const setup = (env: Record<string, string>, command: string) =>
      (publishingCheck(env).hooks['astro:config:setup'] as unknown as (o: { command: string }) => void)({ command });
    expect(() => setup({}, 'build')).toThrow(/^EDITION_SITE is not set/);
    expect(() => setup({ EDITION_PREVIEW: '1' }, 'build')).not.toThrow();
    expect(() => setup({}, 'dev')).not.toThrow();
  });
});
