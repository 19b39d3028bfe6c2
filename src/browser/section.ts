// Section pages. A citation links to the page's own entry of its reference (#ref-47), which links back; this script
// adds a preview of the entry on hover and keyboard focus, which stays while the pointer is on it, closes on Escape
// or when the pointer leaves (WCAG 1.4.13), and opens inside the window. (The copy buttons of "Cite this section" are
// ./copy.ts's.)
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
  tip.hidden = false;
  // Below the citation, or above it when the window has no room below; shifted to stay inside it sideways.
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
  tip.hidden = true;
  owner?.removeAttribute('aria-describedby');
  owner = null;
}
const later = () => {
  clearTimeout(timer);
  timer = setTimeout(hide, 300);
};
for (const link of document.querySelectorAll<HTMLAnchorElement>('.cite a')) {
  link.onmouseenter = link.onfocus = () => show(link);
  link.onmouseleave = later;
  link.onblur = link.onclick = hide;
}
tip.onmouseenter = () => clearTimeout(timer);
tip.onmouseleave = later;
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') hide();
});
