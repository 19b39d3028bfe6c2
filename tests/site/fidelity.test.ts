import { describe, expect, it } from 'vitest';
import { reviewReferences } from '../review';
import { page } from './dist';

describe('the reference list is the review’s', () => {
  it('every reference page prints its entry as the review’s list does', () => {
    const printed = reviewReferences();
    expect(printed.size).toBe(237);
    const spaced = (s: string) => s.replace(/\s+/g, ' ').trim();
    const differ = [...printed].flatMap(([n, entry]) => {
      const { dom } = page(`/references/${n}/`);
      const shown = dom.querySelector('main .reference')?.textContent ?? '(none)';
      // Two entries end with two full stops ("21938-21945.."): the page shows one, and its editorial note says so.
      const doubled = entry.endsWith('..');
      const note = dom.querySelectorAll('main p.muted').map((p) => p.textContent).join(' ');
      return [
        ...(spaced(shown) === spaced(doubled ? entry.slice(0, -1) : entry) ? [] : [`[${n}] review: ${entry}\n      page: ${shown}`]),
        ...(doubled && !note.includes('two full stops') ? [`[${n}] ends with two full stops in the review; no editorial note says so`] : []),
      ];
    });
    expect(differ).toEqual([]);
  });
});
