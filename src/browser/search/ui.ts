// One search interface for the search page and the header's dialog: Pagefind's JavaScript API with the edition's
// own markup (no Pagefind UI bundle, so no inline fonts or styles under the CSP). Loaded only when a reader opens
// search. On the search page the query and the chosen facets live in the URL, so a search can be shared.
import { pagefindOptions } from '../../shared/pagefind-options';
import { listSeparator } from '../../shared/typography';

interface PagefindSub {
  title: string;
  url: string;
  excerpt: string;
}
interface PagefindData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  sub_results?: PagefindSub[];
}
interface PagefindResult {
  data(): Promise<PagefindData>;
}
type FilterCounts = Record<string, Record<string, number>>;
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<FilterCounts>;
  search(q: string, o?: { filters?: Record<string, { any: string[] }> }): Promise<{ results: PagefindResult[]; filters: FilterCounts } | null>;
}

/** Facets shown, in this order, with their labels; the names are Pagefind filter keys written by the pages. */
export const facetLabels: Record<string, string> = { kind: 'Kind of page', role: 'Material role', family: 'Material family', technique: 'Technique', cell: 'Cell', section: 'Section', year: 'Year' };
/** Results drawn at a time: the first page of them, then as many more on each "More results". */
const pageSize = 5;

const pagefinds = new Map<string, Promise<Pagefind>>();
/**
 * Pagefind, started with the edition's options. Resolves once Pagefind has started, not once it is ready: its
 * `init()` does not wait for the wasm, and a search made before the wasm is in waits in Pagefind's own 50 ms polling
 * steps. `cacheTag` (the search page's `data-cache-tag`, the index's own hash) names the entry file the page has
 * preloaded; without it Pagefind asks for the entry file afresh, as the dialog does.
 */
function loadPagefind(bundle: string, cacheTag?: string): Promise<Pagefind> {
  let p = pagefinds.get(bundle);
  if (!p) {
    p = (async () => {
      const pf = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
      await pf.options({ ...pagefindOptions, ...(cacheTag ? { metaCacheTag: cacheTag } : {}) });
      await pf.init();
      return pf;
    })();
    pagefinds.set(bundle, p);
  }
  return p;
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string | boolean> = {}, ...children: (Node | string)[]) => {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
};

export interface SearchOptions {
  /** Where the Pagefind bundle lives (`/pagefind/` under the base path). */
  bundle: string;
  /** The search page: the query and facets are written into the address, so it can be shared. */
  inUrl: boolean;
  /** A link that opens the current search as a page (the dialog has one). */
  pageLink?: HTMLAnchorElement;
}

/**
 * Wires a search root that holds a `form` with an `input[name=q]`, a `[role=status]` line, an `ol.results` list and
 * a `.facets` box. Returns a function that sets the query and runs it. The first results are drawn before anything
 * else is fetched: the facets (all of Pagefind's filter files) load after them, and further results on request.
 */
export async function mountSearch(root: HTMLElement, opts: SearchOptions): Promise<(q: string) => void> {
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const facets = root.querySelector<HTMLElement>('.facets')!;
  const status = root.querySelector<HTMLElement>('[role="status"]')!;
  const list = root.querySelector<HTMLOListElement>('.results')!;
  const more = el('button', { type: 'button', className: 'more-results', hidden: true, textContent: 'More results' });
  list.after(more);
  const pagefind = loadPagefind(opts.bundle, root.dataset.cacheTag);
  const counts = new Map<string, HTMLElement>();
  const initial = opts.inUrl ? new URLSearchParams(location.search) : new URLSearchParams();

  // The facets, built once after the first results; until then the choice is the one the address carries.
  let facetsBuilt: Promise<void> | undefined;
  const buildFacets = () =>
    (facetsBuilt ??= (async () => {
      const all = await (await pagefind).filters();
      facets.replaceChildren(
        ...Object.entries(facetLabels)
          .filter(([key]) => all[key] && Object.keys(all[key]!).length > 1)
          .map(([key, label]) => {
            const values = Object.keys(all[key]!).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
            return el(
              'fieldset',
              {},
              el('legend', { textContent: label }),
              ...values.map((value) => {
                const count = el('span', { className: 'count' });
                counts.set(`${key}\u0000${value}`, count);
                return el('label', {}, el('input', { type: 'checkbox', name: key, value, checked: initial.getAll(key).includes(value) }), ` ${value} `, count);
              }),
            );
          }),
      );
    })());
  const chosen = () => {
    const c: Record<string, string[]> = {};
    if (facets.childElementCount) for (const box of facets.querySelectorAll<HTMLInputElement>('input:checked')) (c[box.name] ??= []).push(box.value);
    else for (const key of Object.keys(facetLabels)) if (initial.has(key)) c[key] = initial.getAll(key);
    return c;
  };
  const params = (q: string) => {
    const p = new URLSearchParams();
    if (q) p.set('q', q);
    for (const [k, vs] of Object.entries(chosen())) for (const v of vs) p.append(k, v);
    return p;
  };
  const showCounts = (found: FilterCounts | undefined) => {
    for (const [k, c] of counts) {
      const [key, value] = k.split('\u0000') as [string, string];
      c.textContent = found ? `(${found[key]?.[value] ?? 0})` : '';
    }
  };

  const item = (d: PagefindData) => {
    const li = el('li', {}, el('a', { href: d.url, textContent: d.meta.title ?? d.url }), el('span', { className: 'muted', textContent: d.meta.kind ? `${listSeparator}${d.meta.kind}` : '' }));
    const p = el('p');
    p.innerHTML = d.excerpt; // Pagefind escapes the page text; only <mark> is markup
    li.append(p);
    const subs = (d.sub_results ?? []).filter((s) => s.url !== d.url && s.url.includes('#')).slice(0, 3);
    if (subs.length) {
      const ul = el('ul', { className: 'sub-results' });
      for (const s of subs) {
        const sp = el('p');
        sp.innerHTML = s.excerpt;
        ul.append(el('li', {}, el('a', { href: s.url, textContent: s.title }), sp));
      }
      li.append(ul);
    }
    return li;
  };

  let generation = 0;
  let pending: PagefindResult[] = [];
  /**
   * Draws the next page of results, each as soon as it and those before it have arrived. The very first result's
   * fragment is asked for alone, so that the others' do not share the network and the thread with it.
   */
  async function drawMore(mine: number, firstPage = false): Promise<HTMLLIElement | undefined> {
    const head = firstPage && pending.length ? [await pending.shift()!.data()] : [];
    const batch = [...head, ...pending.splice(0, pageSize - head.length).map((r) => r.data())];
    let first: HTMLLIElement | undefined;
    for (const data of batch) {
      const li = item(await data);
      if (mine !== generation) return undefined;
      list.append(li);
      first ??= li;
    }
    more.hidden = pending.length === 0;
    return first;
  }
  more.addEventListener('click', async () => {
    more.disabled = true;
    const first = await drawMore(generation);
    more.disabled = false;
    first?.querySelector('a')?.focus();
  });

  async function run() {
    const q = input.value.trim();
    const p = params(q);
    if (opts.inUrl) history.replaceState(null, '', `${location.pathname}${p.size ? `?${p}` : ''}`);
    if (opts.pageLink) opts.pageLink.search = p.size ? `?${p}` : '';
    const mine = ++generation;
    if (!q) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = '';
      showCounts(undefined);
      return;
    }
    const filters = Object.fromEntries(Object.entries(chosen()).map(([k, v]) => [k, { any: v }]));
    const found = await (await pagefind).search(q, { filters });
    if (!found || mine !== generation) return;
    list.replaceChildren();
    pending = [...found.results];
    const n = found.results.length;
    status.textContent = `${n} result${n === 1 ? '' : 's'} for “${q}”.`;
    await drawMore(mine, true);
    if (mine !== generation) return;
    // Pagefind counts only the filters it has loaded: once the facets are built, the same search (its index
    // already in memory) gives every count.
    await buildFacets();
    const counted = await (await pagefind).search(q, { filters });
    if (counted && mine === generation) showCounts(counted.filters);
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  // Each keystroke searches at once: once Pagefind is in, a search takes a few milliseconds, and a search that a
  // later keystroke overtakes draws nothing (`generation`).
  input.addEventListener('input', () => void run());
  facets.addEventListener('change', () => void run());
  root.classList.add('ready');
  const set = (q: string) => {
    input.value = q;
    void run();
  };
  set(initial.get('q') ?? input.value);
  // Without a query the facets are still offered (they load once the page is idle).
  if (!input.value.trim()) void buildFacets();
  return set;
}
