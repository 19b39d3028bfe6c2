// The on-page contents mark the heading being read (aria-current) as the reader scrolls.
const links = [...document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]')];
const targets = links.map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1))));
let queued = false;
function mark() {
  queued = false;
  let current = -1;
  targets.forEach((t, i) => {
    if (t && t.getBoundingClientRect().top < innerHeight / 3) current = i;
  });
  links.forEach((a, i) => (i === current ? a.setAttribute('aria-current', 'true') : a.removeAttribute('aria-current')));
}
if (links.length) {
  addEventListener('scroll', () => {
    if (!queued) queued = requestAnimationFrame(mark) > 0;
  }, { passive: true });
  mark();
}
