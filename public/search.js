// Starts Pagefind's interface on /search/; reads ?q= so that a search can be shared as a link.
const root = document.getElementById('search');
const bundle = root.dataset.bundle;
await import(`${bundle}pagefind-ui.js`);
const ui = new window.PagefindUI({ element: '#search', bundlePath: bundle, showSubResults: true, showImages: false });
const q = new URLSearchParams(location.search).get('q');
if (q) ui.triggerSearch(q);
