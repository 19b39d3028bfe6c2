// The header's Contents panel (a <details>, which opens and closes without JavaScript) also closes on Escape, giving
// the focus back to its button, and on a click or tap outside it.
const contents = document.querySelector<HTMLDetailsElement>('#edition-contents')!;
addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && contents.open) {
    contents.open = false;
    contents.querySelector('summary')!.focus();
  }
});
addEventListener('click', (e) => {
  if (contents.open && !contents.contains(e.target as Node)) contents.open = false;
});
