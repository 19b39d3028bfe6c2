import { describe, expect, it } from 'vitest';
import { reviewReferences } from '../review';
import { page } from './dist';

describe('the reference list is the review’s', () => {
  it('every reference page prints its entry as the review’s list does', () => {
    const printed = reviewReferences();
    expect(printed.size).toBe(237);
    // The review ends a few entries with two full stops ("21938-21945.."); one is enough to compare.
    const stop = (s: string) => s.replace(/\s+/g, ' ').replace(/\s*\.+$/, '');
    const differ = [...printed].flatMap(([n, entry]) => {
      const shown = page(`/references/${n}/`).dom.querySelector('main .reference')?.textContent ?? '(none)';
      return stop(shown) === stop(entry) ? [] : [`[${n}] review: ${entry}\n      page: ${shown}`];
    });
    expect(differ).toEqual([]);
  });
});
