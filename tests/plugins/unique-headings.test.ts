import { describe, expect, it } from 'vitest';
import { anchorOf } from '../../src/plugins/remark-unique-headings';
import { problemsOf, toHtml } from './pipeline';

describe('remark-unique-headings through the real pipeline', () => {
  it('reports every heading whose anchor an earlier one has, at its line', async () => {
    const { refs } = await toHtml('## Notes\n\nA.\n\n### Notes\n\nB.\n\n## Open questions\n\n## notes!\n\n## Notes 2');
    expect(problemsOf(refs)).toEqual([
      'content/sections/test.mdx:5:1: duplicate heading "Notes" (the same anchor as the heading at line 1): the edition does not rename an anchor, so give each heading its own words [duplicate]',
      'content/sections/test.mdx:11:1: duplicate heading "notes!" (the same anchor as the heading at line 1): the edition does not rename an anchor, so give each heading its own words [duplicate]',
    ]);
  });

  it('makes the anchors Astro makes', async () => {
    const { html } = await toHtml('## Challenge 1: cells that use practical solid electrolytes\n\n## Li–Au seeded deposition, in situ');
    const ids = [...html.matchAll(/id="([^"]*)"/g)].map((m) => m[1]);
    expect(ids).toEqual([anchorOf('Challenge 1: cells that use practical solid electrolytes'), anchorOf('Li–Au seeded deposition, in situ')]);
  });
});
