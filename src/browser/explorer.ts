// The studies explorer: filters (text, cell, technique, section, year) whose state is in the address, so a view
// can be shared, and sortable columns. Without JavaScript the page is the complete table.
const form = document.querySelector<HTMLFormElement>('.explorer-filters')!;
const table = document.querySelector<HTMLTableElement>('table.explorer')!;
const count = document.querySelector<HTMLElement>('.explorer-count')!;
const body = table.tBodies[0]!;
const rows = [...body.rows];
const text = new Map(rows.map((r) => [r, r.textContent!.toLowerCase()]));
const selects = [...form.querySelectorAll<HTMLSelectElement>('select')];
const q = form.querySelector<HTMLInputElement>('input[name="q"]')!;

function apply(write: boolean) {
  const words = q.value.toLowerCase().split(/\s+/).filter(Boolean);
  let shown = 0;
  for (const r of rows) {
    const ok = selects.every((s) => !s.value || (r.dataset[s.name] ?? '').split(' ').includes(s.value)) && words.every((w) => text.get(r)!.includes(w));
    r.hidden = !ok;
    if (ok) shown++;
  }
  const label = `${shown} of ${rows.length} studies shown.`;
  if (count.textContent !== label) count.textContent = label;
  if (write) {
    const p = new URLSearchParams();
    if (q.value.trim()) p.set('q', q.value.trim());
    for (const s of selects) if (s.value) p.set(s.name, s.value);
    history.replaceState(null, '', `${location.pathname}${p.size ? `?${p}` : ''}${location.hash}`);
  }
}

const params = new URLSearchParams(location.search);
q.value = params.get('q') ?? '';
for (const s of selects) s.value = params.get(s.name) ?? '';
form.hidden = false;
form.addEventListener('input', () => apply(true));
form.addEventListener('submit', (e) => e.preventDefault());
form.addEventListener('reset', () => setTimeout(() => apply(true)));
apply(false);

// Sorting: a button in each column header; aria-sort says which column and which way.
const heads = [...table.tHead!.rows[0]!.cells];
const key = (r: HTMLTableRowElement, i: number, numeric: boolean) => {
  const t = r.cells[i]!.textContent!.trim();
  return numeric ? Number.parseFloat(t) || 0 : t;
};
heads.forEach((th, i) => {
  const button = document.createElement('button');
  button.type = 'button';
  button.append(...th.childNodes);
  th.append(button);
  const numeric = th.dataset.sort === 'number';
  button.addEventListener('click', () => {
    const dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
    for (const h of heads) h.removeAttribute('aria-sort');
    th.setAttribute('aria-sort', dir);
    const sign = dir === 'ascending' ? 1 : -1;
    const sorted = [...rows].sort((a, b) => {
      const x = key(a, i, numeric);
      const y = key(b, i, numeric);
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'en', { numeric: true });
      return c * sign || rows.indexOf(a) - rows.indexOf(b);
    });
    body.append(...sorted);
  });
});
