// The search page: Pagefind's JavaScript API with the edition's own interface (no Pagefind UI bundle, so no
// inline fonts or styles under the CSP). The query and the chosen facets live in the URL, so a search can be shared.
interface PagefindData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  sub_results?: { title: string; url: string; excerpt: string }[];
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(q: string, o?: { filters?: Record<string, { any: string[] }> }): Promise<{ results: { data(): Promise<PagefindData> }[] } | null>;
}

const root = document.querySelector<HTMLElement>('[data-search]')!;
const form = root.querySelector<HTMLFormElement>('form')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const facets = root.querySelector<HTMLElement>('.facets')!;
const status = root.querySelector<HTMLElement>('[role="status"]')!;
const list = root.querySelector<HTMLOListElement>('.results')!;
const bundle = root.dataset.bundle!;
/** Facets shown, in this order, with their labels; the names are Pagefind filter keys written by the pages. */
const facetLabels: Record<string, string> = { kind: 'Kind of page', role: 'Material role', family: 'Material family', technique: 'Technique', cell: 'Cell', section: 'Section', year: 'Year' };

const pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
await pagefind.options({ excerptLength: 24 });

function chosen(): Record<string, string[]> {
  const params = new URLSearchParams(location.search);
  return Object.fromEntries(Object.keys(facetLabels).map((k) => [k, params.getAll(k)]).filter(([, v]) => v!.length > 0));
}

async function drawFacets() {
  const all = await pagefind.filters();
  const current = chosen();
  facets.replaceChildren(
    ...Object.entries(facetLabels)
      .filter(([key]) => all[key] && Object.keys(all[key]!).length > 1)
      .map(([key, label]) => {
        const set = document.createElement('fieldset');
        const legend = document.createElement('legend');
        legend.textContent = label;
        set.append(legend);
        const values = Object.keys(all[key]!).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
        for (const value of values) {
          const box = Object.assign(document.createElement('input'), { type: 'checkbox', name: key, value, checked: current[key]?.includes(value) ?? false });
          const text = document.createElement('label');
          text.append(box, ` ${value}`);
          set.append(text);
        }
        return set;
      }),
  );
}

function setUrl(q: string) {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  for (const box of facets.querySelectorAll<HTMLInputElement>('input:checked')) params.append(box.name, box.value);
  history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);
}

function item(d: PagefindData): HTMLLIElement {
  const li = document.createElement('li');
  const a = Object.assign(document.createElement('a'), { href: d.url, textContent: d.meta.title ?? d.url });
  const kind = document.createElement('span');
  kind.className = 'muted';
  kind.textContent = d.meta.kind ? ` · ${d.meta.kind}` : '';
  const p = document.createElement('p');
  p.innerHTML = d.excerpt; // Pagefind escapes the page text; only <mark> is markup
  li.append(a, kind, p);
  const subs = (d.sub_results ?? []).filter((s) => s.url !== d.url).slice(0, 3);
  if (subs.length) {
    const ul = document.createElement('ul');
    for (const s of subs) {
      const sli = document.createElement('li');
      sli.append(Object.assign(document.createElement('a'), { href: s.url, textContent: s.title }));
      ul.append(sli);
    }
    li.append(ul);
  }
  return li;
}

let generation = 0;
async function run() {
  const q = input.value.trim();
  setUrl(q);
  const mine = ++generation;
  if (!q) {
    list.replaceChildren();
    status.textContent = '';
    return;
  }
  const filters = Object.fromEntries(Object.entries(chosen()).map(([k, v]) => [k, { any: v }]));
  const found = await pagefind.search(q, { filters });
  if (!found || mine !== generation) return;
  const data = await Promise.all(found.results.slice(0, 20).map((r) => r.data()));
  if (mine !== generation) return;
  list.replaceChildren(...data.map(item));
  status.textContent = `${found.results.length} result${found.results.length === 1 ? '' : 's'} for “${q}”${found.results.length > 20 ? ', the first 20 shown' : ''}.`;
}

input.value = new URLSearchParams(location.search).get('q') ?? '';
await drawFacets();
form.addEventListener('submit', (e) => {
  e.preventDefault();
  void run();
});
input.addEventListener('input', () => void run());
facets.addEventListener('change', () => void run());
root.classList.add('ready');
void run();
