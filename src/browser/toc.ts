// The on-page contents, and the section's headings in the edition's contents, mark the heading being read
// (aria-current) as the reader scrolls.
const links = [...document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"], .here a')];
const targets = links.map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1))));
let queued = false;
function mark() {
  queued = false;
  let current: Element | null = null;
  for (const t of targets) if (t && t.getBoundingClientRect().top < innerHeight / 3) current = t;
  links.forEach((a, i) => (current && targets[i] === current ? a.setAttribute('aria-current', 'true') : a.removeAttribute('aria-current')));
}
if (links.length) {
  addEventListener('scroll', () => {
    if (!queued) queued = requestAnimationFrame(mark) > 0;
  }, { passive: true });
  mark();
}
