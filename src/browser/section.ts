// Section pages: a preview of each cited reference on hover and keyboard focus (closed with Escape), and copy
// buttons for the citations. Without JavaScript the citations are plain links and the citation text can be selected. The
// on-page contents mark the heading being read.
import './toc';

const tip = document.createElement('div');
tip.id = 'cite-preview';
tip.setAttribute('role', 'tooltip');
tip.hidden = true;
document.body.append(tip);
let owner: HTMLElement | null = null;

function show(link: HTMLAnchorElement) {
  const entry = document.getElementById(`ref-${link.dataset.ref}`);
  if (!entry) return;
  tip.textContent = entry.querySelector('.reference')?.textContent ?? entry.textContent;
  const box = link.getBoundingClientRect();
  tip.style.left = `${Math.max(8, Math.min(box.left + scrollX, innerWidth - 360 + scrollX))}px`;
  tip.style.top = `${box.bottom + scrollY + 6}px`;
  tip.hidden = false;
  link.setAttribute('aria-describedby', tip.id);
  owner = link;
}
function hide() {
  tip.hidden = true;
  owner?.removeAttribute('aria-describedby');
  owner = null;
}
for (const link of document.querySelectorAll<HTMLAnchorElement>('.cite a[data-ref]')) {
  link.addEventListener('mouseenter', () => show(link));
  link.addEventListener('focus', () => show(link));
  link.addEventListener('mouseleave', hide);
  link.addEventListener('blur', hide);
}
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && !tip.hidden) hide();
});

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    const text = document.getElementById(button.dataset.copy!)?.textContent ?? '';
    await navigator.clipboard.writeText(text.trim());
    const label = button.textContent;
    button.textContent = 'Copied';
    setTimeout(() => (button.textContent = label), 1500);
  });
}
