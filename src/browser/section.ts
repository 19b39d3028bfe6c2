// Section pages. A citation links to the page's own entry of its reference (#ref-47), which links back; this script
// adds a preview of the entry on hover and keyboard focus, which stays while the pointer or the focus is on it, closes
// on Escape or when both leave (WCAG 1.4.13), and opens inside the window. The preview is placed right after the
// citation, so that Tab moves from the citation to its "Reference page" link and on to the text that follows. (The
// copy buttons of "Cite this section" are ./copy.ts's.)
// Without JavaScript the citations are in-page links and the citation text can be selected. The on-page contents
// mark the heading being read.
import './toc';

// The preview is in the page only while it shows, right after its citation.
const tip = document.createElement('div');
tip.id = 'cite-preview';
tip.role = 'tooltip';
let owner: HTMLElement | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

function show(link: HTMLAnchorElement) {
  stay();
  const entry = document.getElementById(`ref-${link.textContent}`);
  if (!entry || owner === link) return;
  hide();
  // The entry's reference as it is set (the journal in italics) and its link on to the reference's page.
  const more = entry.querySelector('a')!.cloneNode() as HTMLAnchorElement;
  more.textContent = 'Reference page';
  more.onfocus = tip.onmouseenter = stay;
  more.onblur = tip.onmouseleave = later;
  tip.replaceChildren(entry.querySelector('.reference')!.cloneNode(true), ' ', more);
  link.after(tip);
  // Below the citation, or above it when the window has no room below; shifted to stay inside it sideways. No
  // ancestor of a citation is positioned, so the preview is placed in the page's coordinates.
  const box = link.getBoundingClientRect();
  const { offsetWidth: w, offsetHeight: h } = tip;
  const below = box.bottom + 6;
  const top = below + h > innerHeight && box.top - 6 - h > 0 ? box.top - 6 - h : below;
  tip.style.left = `${Math.max(8, Math.min(box.left, document.body.clientWidth - w - 8)) + scrollX}px`;
  tip.style.top = `${top + scrollY}px`;
  link.setAttribute('aria-describedby', tip.id);
  owner = link;
}
function hide() {
  tip.remove();
  owner?.removeAttribute('aria-describedby');
  owner = null;
}
function stay() {
  clearTimeout(timer);
}
function later() {
  stay();
  timer = setTimeout(hide, 300);
}
// The pointer or the focus leaving the citation or its preview closes it, unless it moves from one to the other.
for (const link of document.querySelectorAll<HTMLAnchorElement>('.cite a')) {
  link.onmouseenter = link.onfocus = () => show(link);
  link.onmouseleave = link.onblur = later;
  link.onclick = hide;
}
document.addEventListener('keydown', (e) => {
  if (e.key !== 'Escape') return;
  // From inside the preview, the focus goes back to its citation first (which keeps the preview open), then it closes.
  if (tip.contains(document.activeElement)) owner?.focus();
  hide();
});
