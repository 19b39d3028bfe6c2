import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const checker = '../shared/tools/verbatim-check.py';

describe('written anew', () => {
  it('copies no run of 12 or more words from the review', () => {
    expect(existsSync(checker), `${checker} (with the review under ../shared/seed/) must be beside the project`).toBe(true);
    let out = '';
    try {
      out = execFileSync('python3', [checker, 'content', 'src'], { encoding: 'utf8' });
    } catch (error) {
      out = (error as { stdout?: string }).stdout ?? String(error);
    }
    expect(out.trim().split('\n').pop()).toMatch(/^verbatim-check: 0 run\(s\)/);
  });
});
