// Part of the header's script, on every page: on a page with something to copy (a copy button, a KaTeX formula),
// the copying script (./copy.ts, with KaTeX's copy-tex) loads on the reader's first click, key or selection; a
// click on a copy button that came before it had loaded is handed on to it once it has. It is a script of its own,
// as the search dialog's is: a dynamic import() would bring Vite's module-preload helper (0.9 kB gz) into every page.
import copyUrl from './copy.ts?worker&url';
import { load } from './load';

if (document.querySelector('.copy, .katex')) {
  let loading: Promise<unknown> | undefined;
  let ready = false;
  const start = () => (loading ??= load('script', { src: copyUrl }).then(() => (ready = true)));
  for (const type of ['pointerdown', 'keydown', 'selectstart']) addEventListener(type, start, { once: true, passive: true });
  addEventListener('click', (e) => {
    const button = (e.target as Element).closest?.<HTMLElement>('button.copy');
    if (button && !ready) void start().then(() => button.click());
  });
}
