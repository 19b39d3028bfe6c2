import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readPublishing } from '../../src/lib/publishing';

interface Step { id?: string; uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, unknown> }
interface Job { needs?: string; steps: Step[]; environment?: { name: string } }
const workflow = parse(readFileSync('.github/workflows/deploy.yml', 'utf8')) as { permissions: Record<string, string>; jobs: Record<string, Job> };
const steps = workflow.jobs.build!.steps;
const step = (find: (s: Step) => boolean, what: string) => {
  const found = steps.find(find);
  if (!found) throw new Error(`the build job has no step that ${what}`);
  return found;
};

describe('the GitHub Pages workflow', () => {
  it('builds with npm run build, for the origin and base path that configure-pages reads, and uploads what it built', () => {
    const pages = step((s) => s.uses?.startsWith('actions/configure-pages@') ?? false, 'reads the Pages configuration');
    const install = step((s) => s.run === 'npm ci', 'installs with npm ci');
    const build = step((s) => s.run === 'npm run build', 'runs npm run build');
    const upload = step((s) => s.uses?.startsWith('actions/upload-pages-artifact@') ?? false, 'uploads the site');
    const order = [pages, install, build, upload].map((s) => steps.indexOf(s));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // The build's variables as GitHub expands them, for a project site and for a user site or custom domain: each a
    // build for publishing at the Pages address.
    const expand = (value: string, outputs: Record<string, string>) =>
      value.replace(/\$\{\{\s*steps\.([\w-]+)\.outputs\.([\w-]+)\s*\}\}/g, (_, id: string, name: string) => (id === pages.id && name in outputs ? outputs[name]! : `<no output ${id}.${name}>`));
    for (const outputs of [{ origin: 'https://octocat.github.io', base_path: '/asslb' }, { origin: 'https://edition.example.org', base_path: '' }]) {
      const env = Object.fromEntries(Object.entries(build.env ?? {}).map(([name, value]) => [name, expand(String(value), outputs)]));
      expect(readPublishing(env, { build: true })).toEqual({ site: outputs.origin, base: `${outputs.base_path}/`, preview: false });
    }
    // npm run build publishes into dist/ unless EDITION_DIST says otherwise.
    expect(build.env?.EDITION_DIST).toBeUndefined();
    expect(upload.with?.path).toBe('dist');
  });

  it('deploys the uploaded site with the permissions Pages needs, every action pinned to a major version', () => {
    expect(workflow.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
    const deploy = workflow.jobs.deploy!;
    expect(deploy.needs).toBe('build');
    expect(deploy.environment?.name).toBe('github-pages');
    expect(deploy.steps.map((s) => s.uses?.split('@')[0])).toContain('actions/deploy-pages');
    for (const s of Object.values(workflow.jobs).flatMap((j) => j.steps).filter((s) => s.uses)) expect(s.uses).toMatch(/^actions\/[\w-]+@v\d+$/);
  });
});
