// The search dialog that the header's Search link opens: built on first use, then kept for the page's life.
import { mountSearch } from './ui';

let dialog: HTMLDialogElement | undefined;
let ready: Promise<unknown> | undefined;

function build(page: string): HTMLDialogElement {
  const d = document.createElement('dialog');
  d.id = 'search-dialog';
  d.className = 'search-dialog';
  d.setAttribute('aria-labelledby', 'search-dialog-title');
  // Static markup only (no value from the page or the reader goes into it).
  d.innerHTML = `<div class="search-dialog-head"><h2 id="search-dialog-title">Search</h2><a class="search-page-link" href="">Open as a page</a><button type="button" class="search-close">Close</button></div>
<div data-search><form role="search" method="get"><label for="search-dialog-q">Search the edition</label><input id="search-dialog-q" name="q" type="search" autocomplete="off" spellcheck="false" placeholder="e.g. LiCoO2, LLZO, dendrite, EELS" /><button type="submit">Search</button></form>
<p role="status" aria-live="polite"></p><div class="search-body"><div><ol class="results"></ol></div><div class="facets" role="group" aria-label="Narrow the results"></div></div></div>`;
  d.querySelector<HTMLAnchorElement>('.search-page-link')!.href = page;
  d.querySelector<HTMLFormElement>('form')!.action = page;
  d.querySelector('.search-close')!.addEventListener('click', () => d.close());
  // Escape closes the dialog even from the search field (which would otherwise only clear itself).
  d.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      d.close();
    }
  });
  // Following a result closes the dialog (a result on this very page would otherwise stay hidden behind it).
  d.querySelector('.results')!.addEventListener('click', (e) => {
    if ((e.target as Element).closest('a')) {
      d.dataset.followed = '';
      d.close();
    }
  });
  // A click on the backdrop (outside the dialog's box) closes it, as Escape does.
  d.addEventListener('click', (e) => {
    if (e.target === d) d.close();
  });
  return d;
}

/** Opens the search dialog; `opener` is the header's Search link (its href is the search page, its data-bundle Pagefind's). */
async function openSearch(opener: HTMLAnchorElement, typed = ''): Promise<void> {
  if (!dialog) {
    dialog = build(opener.href);
    document.body.append(dialog);
    // Focus goes back to the Search link, unless the reader followed a result.
    dialog.addEventListener('close', () => {
      if (dialog!.dataset.followed === undefined) opener.focus();
      delete dialog!.dataset.followed;
    });
    ready = mountSearch(dialog.querySelector<HTMLElement>('[data-search]')!, {
      bundle: opener.dataset.bundle!,
      inUrl: false,
      pageLink: dialog.querySelector<HTMLAnchorElement>('.search-page-link')!,
    });
  }
  if (!dialog.open) dialog.showModal();
  const input = dialog.querySelector<HTMLInputElement>('input[name="q"]')!;
  input.focus();
  if (typed) {
    // Before the search is ready, its first run reads the field; after, the input event runs it.
    input.value = typed;
    input.dispatchEvent(new Event('input'));
  } else input.select();
  await ready;
}

// Loaded as a script by the header's opener, which then asks for the dialog with an event on the Search link.
const link = document.querySelector<HTMLAnchorElement>('a[data-search-open]');
link?.addEventListener('edition:open-search', (e) => void openSearch(link, (e as CustomEvent<string>).detail));
