// One search interface for the search page and the header's dialog: Pagefind's JavaScript API with the edition's
// own markup (no Pagefind UI bundle, so no inline fonts or styles under the CSP). Loaded only when a reader opens
// search. On the search page the query and the chosen facets live in the URL, so a search can be shared.
import { pagefindOptions } from '../../shared/pagefind-options';
import { namedBy, titlePieces } from '../../shared/search-names';
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
  id: string;
  score: number;
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
/** Values a facet shows before its "More" button (the others follow on request; a chosen value always shows). */
const facetShown = 5;
/** The year facet offers decades ("2010s"), each standing for the years of it that the index holds. */
const decade = (year: string) => `${year.slice(0, 3)}0s`;

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
  /** Per facet key, its values as offered (decades for years), each with the index's values it stands for. */
  const offered = new Map<string, Map<string, string[]>>();
  let totals: FilterCounts = {};
  let facetsBuilt: Promise<void> | undefined;
  const buildFacets = () =>
    (facetsBuilt ??= (async () => {
      totals = await (await pagefind).filters();
      facets.replaceChildren(
        ...Object.entries(facetLabels)
          .filter(([key]) => totals[key] && Object.keys(totals[key]!).length > 1)
          .map(([key, label]) => {
            const values = new Map<string, string[]>();
            for (const value of Object.keys(totals[key]!)) {
              const shown = key === 'year' ? decade(value) : value;
              values.set(shown, [...(values.get(shown) ?? []), value]);
            }
            offered.set(key, values);
            const boxes = [...values.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).map((value) => {
              const count = el('span', { className: 'count' });
              counts.set(`${key}\u0000${value}`, count);
              return el('label', {}, el('input', { type: 'checkbox', name: key, value, checked: initial.getAll(key).includes(value) }), ` ${value} `, count);
            });
            const more = el('button', { type: 'button', className: 'facet-more', hidden: true });
            more.setAttribute('aria-expanded', 'false');
            more.addEventListener('click', () => {
              more.setAttribute('aria-expanded', String(more.getAttribute('aria-expanded') !== 'true'));
              fitFacet(fieldset);
            });
            const fieldset = el('fieldset', {}, el('legend', { textContent: label }), ...boxes, more);
            return fieldset;
          }),
      );
    })());
  const chosen = () => {
    const c: Record<string, string[]> = {};
    if (facets.childElementCount) for (const box of facets.querySelectorAll<HTMLInputElement>('input:checked')) (c[box.name] ??= []).push(box.value);
    else for (const key of Object.keys(facetLabels)) if (initial.has(key)) c[key] = initial.getAll(key);
    return c;
  };
  /** The chosen values as Pagefind's filters: a decade stands for its years. */
  const filtersOf = (c: Record<string, string[]>) =>
    Object.fromEntries(
      Object.entries(c).map(([k, vs]) => [k, { any: vs.flatMap((v) => (k === 'year' && /^\d{3}0s$/.test(v) ? Object.keys(totals.year ?? {}).filter((y) => decade(y) === v) : [v])) }]),
    );
  const params = (q: string) => {
    const p = new URLSearchParams();
    if (q) p.set('q', q);
    for (const [k, vs] of Object.entries(chosen())) for (const v of vs) p.append(k, v);
    return p;
  };
  /** Shows a facet's values that have results (and the chosen ones), the first few unless its "More" is pressed. */
  function fitFacet(fieldset: HTMLFieldSetElement) {
    const more = fieldset.querySelector<HTMLButtonElement>('.facet-more')!;
    const open = more.getAttribute('aria-expanded') === 'true';
    const labels = [...fieldset.querySelectorAll('label')];
    const live = labels.filter((l) => l.dataset.n !== '0' || l.querySelector('input')!.checked);
    // The values with the most results first; a chosen one among the first.
    live.sort((a, b) => Number(b.querySelector('input')!.checked) - Number(a.querySelector('input')!.checked) || Number(b.dataset.n) - Number(a.dataset.n));
    for (const l of labels) l.hidden = true;
    live.forEach((l, i) => {
      l.hidden = !open && i >= facetShown;
      more.before(l);
    });
    more.hidden = live.length <= facetShown;
    more.textContent = open ? 'Fewer' : `More (${live.length - facetShown})`;
    fieldset.hidden = live.length === 0;
  }
  /** Each value's count: of the results of the query (`found`), or of every page when there is none. */
  const showCounts = (found: FilterCounts | undefined) => {
    for (const [k, c] of counts) {
      const [key, value] = k.split('\u0000') as [string, string];
      const n = (offered.get(key)?.get(value) ?? [value]).reduce((sum, v) => sum + ((found ?? totals)[key]?.[v] ?? 0), 0);
      c.textContent = `(${n})`;
      c.parentElement!.dataset.n = String(n);
    }
    for (const fieldset of facets.querySelectorAll('fieldset')) fitFacet(fieldset);
  };

  const item = (d: PagefindData) => {
    // The title with its sub- and superscripts (marked by the build), set as text and elements: nothing is parsed as HTML.
    const title = el('a', { href: d.url });
    for (const piece of titlePieces(d.meta.title_marked ?? d.meta.title ?? d.url)) title.append(piece.script ? el(piece.script, { textContent: piece.text }) : piece.text);
    const li = el('li', {}, title, el('span', { className: 'muted', textContent: d.meta.kind ? `${listSeparator}${d.meta.kind}` : '' }));
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
   * Draws the next page of results. On the first, a page that the query names exactly (one of its `names`: a
   * material's formula or abbreviation, a technique's, a section's title) goes first. A first result that the query
   * names stays first whatever the others are, so it is drawn as soon as it is in, and the others once all are.
   */
  async function drawMore(mine: number, q?: string): Promise<HTMLLIElement | undefined> {
    const loading = pending.splice(0, pageSize).map((r) => r.data());
    const drawn: HTMLLIElement[] = [];
    const draw = (batch: PagefindData[]) => {
      const items = batch.map(item);
      list.append(...items);
      drawn.push(...items);
    };
    let from = 0;
    if (q !== undefined && loading.length > 0) {
      const first = await loading[0]!;
      if (mine !== generation) return undefined;
      if (namedBy(q, first.meta.names)) {
        draw([first]);
        from = 1;
      }
    }
    const batch = await Promise.all(loading.slice(from));
    if (mine !== generation) return undefined;
    if (q !== undefined) batch.sort((a, b) => Number(namedBy(q, b.meta.names)) - Number(namedBy(q, a.meta.names)));
    draw(batch);
    more.hidden = pending.length === 0;
    return drawn[0];
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
      if (facetsBuilt) showCounts(undefined);
      return;
    }
    // A decade chosen in the address stands for years that only the filters' list names.
    if (chosen().year && !facetsBuilt) await buildFacets();
    if (mine !== generation) return;
    const filters = filtersOf(chosen());
    const pf = await pagefind;
    const found = await pf.search(q, { filters });
    if (!found || mine !== generation) return;
    let results = found.results;
    const words = q.split(/\s+/);
    // No page has every word (Pagefind finds only those that do): the pages with most of the words, each word
    // searched alone; among those with as many, the pages with the rarer words first (a word's score on a page, as
    // a share of its best, counts more for a word fewer pages have).
    const partial = results.length === 0 && words.length > 1;
    if (partial) {
      const each: PagefindResult[][] = [];
      for (const word of words) {
        const alone = await pf.search(word, { filters });
        if (mine !== generation) return;
        each.push(alone?.results ?? []);
      }
      const most = Math.max(...each.map((rs) => rs.length));
      const hits = new Map<string, { result: PagefindResult; words: number; score: number }>();
      for (const rs of each) {
        const rarity = Math.log(1 + most / rs.length);
        for (const r of rs) {
          const h = hits.get(r.id) ?? { result: r, words: 0, score: 0 };
          hits.set(r.id, { ...h, words: h.words + 1, score: h.score + (r.score / rs[0]!.score) * rarity });
        }
      }
      results = [...hits.values()].sort((a, b) => b.words - a.words || b.score - a.score).map((h) => h.result);
    }
    // Of several words, the pages where they stand together come first, in Pagefind's order: its quoted search
    // finds them, as a phrase or as one hyphenated word ("tip growth", "tip-growth"); unquoted, it ranks a page by
    // the words alone, wherever they stand.
    if (!partial && words.length > 1 && !q.includes('"')) {
      const together = new Set<string>();
      for (const phrase of [q, words.join('-')]) {
        const found = await pf.search(`"${phrase}"`, { filters });
        if (mine !== generation) return;
        for (const r of found?.results ?? []) together.add(r.id);
      }
      results = [...results.filter((r) => together.has(r.id)), ...results.filter((r) => !together.has(r.id))];
    }
    list.replaceChildren();
    pending = [...results];
    const n = results.length;
    status.textContent = partial ? `${n} result${n === 1 ? ' has' : 's have'} some of the words of “${q}”; none has all of them.` : `${n} result${n === 1 ? '' : 's'} for “${q}”.`;
    await drawMore(mine, q);
    if (mine !== generation) return;
    // Pagefind counts only the filters it has loaded: once the facets are built, the same search (its index
    // already in memory) gives every count.
    await buildFacets();
    const counted = await pf.search(q, { filters });
    if (counted && mine === generation) showCounts(counted.filters);
  }

  // The keyboard: ↓ from the search field to the first result and on through the results, ↑ back (to the field
  // from the first), Enter follows the link in focus, Escape goes back to the field. The same in the dialog.
  root.addEventListener('keydown', (e) => {
    const links = [...list.querySelectorAll<HTMLAnchorElement>(':scope > li > a')];
    const at = links.findIndex((a) => a.parentElement!.contains(document.activeElement));
    const go = (to: HTMLElement | undefined) => {
      if (!to) return;
      e.preventDefault();
      to.focus();
    };
    if (e.key === 'ArrowDown' && (e.target === input || at >= 0)) go(links[at + 1]);
    else if (e.key === 'ArrowUp' && at >= 0) go(at === 0 ? input : links[at - 1]);
    else if (e.key === 'Escape' && at >= 0) {
      // Not on to the dialog, which Escape closes from the search field.
      e.stopPropagation();
      go(input);
    }
  });

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
  // Without a query the facets are still offered, with the number of pages each value has.
  if (!input.value.trim()) void buildFacets().then(() => showCounts(undefined));
  return set;
}
