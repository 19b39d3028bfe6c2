// The search page: the shared search interface, with the query and facets in the address.
import { mountSearch } from './ui';

const root = document.querySelector<HTMLElement>('[data-search]')!;
await mountSearch(root, { bundle: root.dataset.bundle!, inUrl: true });
