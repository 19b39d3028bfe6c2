// Always loaded, and all that is: the header's Search link opens the search dialog (on click or on "/"). The
// dialog's code (and through it Pagefind's) and its stylesheet are fetched only then, as a separate script and
// stylesheet: a dynamic import() here would make Vite load its module-preload helper on every page. Without
// JavaScript the link goes to the search page.
import dialogUrl from './search/dialog.ts?worker&url';
import dialogCssUrl from '../styles/search.css?url';
import { load } from './load';
import './copy-opener';

const link = document.querySelector<HTMLAnchorElement>('a[data-search-open]');
if (link) {
  const onSearchPage = link.pathname === location.pathname;
  let loading: Promise<unknown> | undefined;
  const open = (e: Event) => {
    e.preventDefault();
    if (onSearchPage) {
      document.querySelector<HTMLInputElement>('#search-q')?.focus();
      return;
    }
    // What the reader types while the dialog's script loads is kept and handed to the dialog's search field.
    let typed = '';
    const keep = (k: KeyboardEvent) => {
      if (k.key.length === 1 && !k.ctrlKey && !k.metaKey && !k.altKey) typed += k.key;
    };
    document.addEventListener('keydown', keep);
    loading ??= Promise.all([load('link', { rel: 'stylesheet', href: dialogCssUrl }), load('script', { src: dialogUrl })]);
    void loading.finally(() => document.removeEventListener('keydown', keep)).then(() => link.dispatchEvent(new CustomEvent('edition:open-search', { detail: typed })));
  };
  link.setAttribute('aria-keyshortcuts', '/');
  if (!onSearchPage) link.setAttribute('aria-haspopup', 'dialog');
  link.addEventListener('click', (e) => {
    if (!e.ctrlKey && !e.metaKey && !e.shiftKey && !e.altKey && e.button === 0) open(e);
  });
  document.addEventListener('keydown', (e) => {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    if ((e.target as Element).closest?.('input, textarea, select, [contenteditable]:not([contenteditable="false"])')) return;
    open(e);
  });
}
