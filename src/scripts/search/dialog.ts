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
<p role="status" aria-live="polite"></p><div class="search-body"><div class="facets" role="group" aria-label="Narrow the results"></div><ol class="results"></ol></div></div>`;
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
  // A click on the backdrop (outside the dialog's box) closes it, as Escape does.
  d.addEventListener('click', (e) => {
    if (e.target === d) d.close();
  });
  return d;
}

/** Opens the search dialog; `opener` is the header's Search link (its href is the search page, its data-bundle Pagefind's). */
async function openSearch(opener: HTMLAnchorElement): Promise<void> {
  if (!dialog) {
    dialog = build(opener.href);
    document.body.append(dialog);
    dialog.addEventListener('close', () => opener.focus());
    ready = mountSearch(dialog.querySelector<HTMLElement>('[data-search]')!, {
      bundle: opener.dataset.bundle!,
      inUrl: false,
      pageLink: dialog.querySelector<HTMLAnchorElement>('.search-page-link')!,
    });
  }
  if (!dialog.open) dialog.showModal();
  const input = dialog.querySelector<HTMLInputElement>('input[name="q"]')!;
  input.focus();
  input.select();
  await ready;
}

// Loaded as a script by the header's opener, which then asks for the dialog with an event on the Search link.
const link = document.querySelector<HTMLAnchorElement>('a[data-search-open]');
link?.addEventListener('edition:open-search', () => void openSearch(link));
