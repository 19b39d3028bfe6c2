// Copying, loaded by the header's script (./copy-opener.ts) on the reader's first click, key or selection on a page
// that has something to copy, so that none of it loads before the reader acts:
// - a copy button puts what it names on the clipboard and its status says so: a citation (`data-copy`, the id of
//   the element that holds it) as rich and plain text, a displayed equation (`data-copy-tex`, the reaction's id) as
//   the TeX it was written in. When the clipboard is refused (or cannot take rich text), the text is selected
//   instead and the status says how to copy it;
// - copying a selection that holds a formula puts its TeX source on the clipboard, `$…$` inline and `$$…$$`
//   displayed (KaTeX's copy-tex), never the glyphs KaTeX lays out.
import 'katex/contrib/copy-tex';

/**
 * Puts `text` on the clipboard, with `html` as rich text beside it when given and the browser has ClipboardItem
 * (italics survive into a word processor); a browser that refuses gets `source` selected instead.
 */
async function copy(status: HTMLElement, source: Node, text: string, html?: string): Promise<void> {
  try {
    if (html === undefined || !self.ClipboardItem) await navigator.clipboard.writeText(text);
    else await navigator.clipboard.write([new ClipboardItem({ 'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob([text], { type: 'text/plain' }) })]);
    status.textContent = 'Copied';
  } catch {
    getSelection()!.selectAllChildren(source);
    status.textContent = 'Refused: text selected, press Ctrl+C';
  }
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button.copy')) {
  const status = button.nextElementSibling as HTMLElement;
  button.onclick = () => {
    if (button.dataset.copyTex) {
      const formula = document.getElementById(button.dataset.copyTex)!.querySelector('.katex')!;
      void copy(status, formula, formula.querySelector('annotation')!.textContent!);
    } else {
      const source = document.getElementById(button.dataset.copy!)!;
      void copy(status, source, source.textContent!.trim(), source.outerHTML);
    }
  };
}

// copy-tex writes the text of the selection with each formula replaced by its TeX, text hidden from view included:
// the plain reading the search index takes beside each formula (.math-index, "LiCoO2") would be copied with it. This
// listener runs first (on the window, in the capture phase), empties those readings while copy-tex copies, and puts
// them back after.
addEventListener(
  'copy',
  () => {
    const readings = [...document.querySelectorAll('.math-index')].map((el) => [el, el.textContent] as const);
    for (const [el] of readings) el.textContent = '';
    setTimeout(() => {
      for (const [el, text] of readings) el.textContent = text;
    });
  },
  true,
);
