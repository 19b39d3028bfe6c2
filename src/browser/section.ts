// Section pages. A citation links to the page's own entry of its reference (#ref-47), which links back; this script
// adds a preview of the entry on hover and keyboard focus, which stays while the pointer or the focus is on it, closes
// on Escape or when both leave (WCAG 1.4.13), and opens inside the window. The preview is placed right after the
// citation, so that Tab moves from the citation to its "Reference page" link and on to the text that follows. Copy
// buttons copy a citation as rich and plain text (plain text alone where the browser has no ClipboardItem), or select
// it and say so when the clipboard is refused.
// Without JavaScript the citations are in-page links and the citation text can be selected. The on-page contents
// mark the heading being read.
import './toc';

const tip = document.createElement('div');
tip.id = 'cite-preview';
tip.role = 'tooltip';
tip.hidden = true;
document.body.append(tip);
let owner: HTMLElement | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

function show(link: HTMLAnchorElement) {
  clearTimeout(timer);
  const entry = document.getElementById(`ref-${link.textContent}`);
  if (!entry || owner === link) return;
  hide();
  // The entry's reference as it is set (the journal in italics) and its link on to the reference's page.
  const more = entry.querySelector('a')!.cloneNode() as HTMLAnchorElement;
  more.textContent = 'Reference page';
  tip.replaceChildren(entry.querySelector('.reference')!.cloneNode(true), ' ', more);
  link.after(tip);
  tip.hidden = false;
  // Below the citation, or above it when the window has no room below; shifted to stay inside it sideways. The
  // position is taken from the box the preview is placed in (the page's, unless an ancestor is positioned).
  const box = link.getBoundingClientRect();
  const frame = (tip.offsetParent ?? document.documentElement).getBoundingClientRect();
  const { offsetWidth: w, offsetHeight: h } = tip;
  const below = box.bottom + 6;
  const top = below + h > innerHeight && box.top - 6 - h > 0 ? box.top - 6 - h : below;
  tip.style.left = `${Math.max(8, Math.min(box.left, document.documentElement.clientWidth - w - 8)) - frame.left}px`;
  tip.style.top = `${top - frame.top}px`;
  link.setAttribute('aria-describedby', tip.id);
  owner = link;
}
function hide() {
  tip.hidden = true;
  owner?.removeAttribute('aria-describedby');
  owner = null;
}
const later = () => {
  clearTimeout(timer);
  timer = setTimeout(hide, 300);
};
/** Focus that leaves the citation for anything but its preview, or the preview for anything but its citation, closes it. */
const leaving = (e: FocusEvent) => {
  const next = e.relatedTarget as Node | null;
  if (!next || (!tip.contains(next) && next !== owner)) hide();
};
for (const link of document.querySelectorAll<HTMLAnchorElement>('.cite a')) {
  link.onmouseenter = link.onfocus = () => show(link);
  link.onmouseleave = later;
  link.onblur = leaving;
  link.onclick = hide;
}
tip.onmouseenter = () => clearTimeout(timer);
tip.onmouseleave = later;
tip.addEventListener('focusout', leaving);
document.addEventListener('keydown', (e) => {
  if (e.key !== 'Escape' || tip.hidden) return;
  // From inside the preview, the focus goes back to its citation first (which keeps the preview open), then it closes.
  if (tip.contains(document.activeElement)) owner?.focus({ preventScroll: true });
  hide();
});

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
  const status = document.createElement('span');
  status.role = 'status';
  button.after(status);
  button.hidden = false;
  button.addEventListener('click', async () => {
    const source = document.getElementById(button.dataset.copy!)!;
    const text = source.textContent!.trim();
    try {
      // A citation set with italics goes on the clipboard as rich text (the italics survive into a word processor)
      // and as plain text; BibTeX, or a browser without ClipboardItem, as plain text.
      if (source.querySelector('i') && typeof ClipboardItem === 'function' && navigator.clipboard.write) {
        await navigator.clipboard.write([new ClipboardItem({ 'text/html': new Blob([source.innerHTML], { type: 'text/html' }), 'text/plain': new Blob([text], { type: 'text/plain' }) })]);
      } else {
        await navigator.clipboard.writeText(text);
      }
      status.textContent = 'Copied';
    } catch {
      getSelection()!.selectAllChildren(source);
      status.textContent = 'Refused: text selected, press Ctrl+C';
    }
  });
}
