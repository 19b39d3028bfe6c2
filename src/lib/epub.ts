// The edition as an EPUB 3 file, made from the page that holds the whole edition (src/pages/edition.astro): its
// title page, its contents (the EPUB's navigation document), one chapter per section and the references, each an
// XHTML document, with the equations as MathML (KaTeX's own MathML, without its HTML rendering, which needs its
// stylesheet and fonts). Pure: the same page gives the same bytes.
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';

/** One XHTML document of the book: its file name (in `OEBPS/`), title and body. */
export interface EpubDocument {
  file: string;
  title: string;
  body: ElementContent[];
}

/** What the package document says of the book, read from the page's Dublin Core tags. */
export interface EpubMetadata {
  identifier: string;
  title: string;
  language: string;
  creators: string[];
  /** The edition's date, `YYYY-MM-DD`. */
  date: string;
}

const classes = (node: Element): string[] => (Array.isArray(node.properties.className) ? node.properties.className.map(String) : []);
const has = (node: Element, cls: string) => classes(node).includes(cls);
const textOf = (node: RootContent | ElementContent): string =>
  node.type === 'text' ? node.value : 'children' in node ? node.children.map(textOf).join('') : '';

/** The first element under `tree` that `test` accepts. */
function find(tree: Root | Element, test: (node: Element) => boolean): Element | undefined {
  let found: Element | undefined;
  visit(tree, 'element', (node) => {
    if (found) return false;
    if (test(node)) {
      found = node;
      return false;
    }
    return undefined;
  });
  return found;
}

function findAll(tree: Root | Element, test: (node: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (node) => {
    if (!test(node)) return undefined;
    found.push(node);
    return SKIP;
  });
  return found;
}

/** The page's `<meta name=…>` contents. */
function metaValues(tree: Root, name: string): string[] {
  return findAll(tree, (n) => n.tagName === 'meta' && n.properties.name === name).map((n) => String(n.properties.content ?? ''));
}

/**
 * A part of the page made fit for an e-reader: no script, control, hidden text or search-only reading; a phone's
 * fold opened out; each KaTeX formula replaced by its MathML; attributes XHTML cannot write bare (`hidden`, `download`) dropped.
 */
function forReader(node: Element): Element {
  const copy = structuredClone(node);
  visit(copy, 'element', (el, index, parent) => {
    if (!parent || index === undefined) return undefined;
    const drop = ['script', 'button', 'template', 'noscript'].includes(el.tagName) || el.properties.hidden === true || has(el, 'math-index') || has(el, 'screen-only');
    if (drop) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    // A fold for phones (a study card's facts): the e-reader gets its content, open, without the summary.
    if (has(el, 'fold-narrow')) {
      parent.children.splice(index, 1, ...el.children.filter((c) => !(c.type === 'element' && c.tagName === 'summary')));
      return index;
    }
    if (has(el, 'katex')) {
      const math = find(el, (n) => n.tagName === 'math');
      if (!math) throw new Error('epub: a KaTeX formula without its MathML (KaTeX must write output "htmlAndMathml")');
      parent.children.splice(index, 1, math);
      return [SKIP, index + 1];
    }
    for (const [key, value] of Object.entries(el.properties)) if (value === true || key === 'style') delete el.properties[key];
    return undefined;
  });
  return copy;
}

const xmlEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Serialises content as XML: every element closed, attributes quoted, characters as themselves or numeric references. */
const xhtml = (nodes: ElementContent[]) =>
  toHtml({ type: 'root', children: nodes }, { closeSelfClosing: true, closeEmptyElements: true, collapseEmptyAttributes: false, characterReferences: { useNamedReferences: false } });

function document(doc: EpubDocument, language: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${language}" xml:lang="${language}">
<head><meta charset="UTF-8" /><title>${xmlEscape(doc.title)}</title><link rel="stylesheet" type="text/css" href="style.css" /></head>
<body>
${xhtml(doc.body)}
</body>
</html>
`;
}

/** The book's stylesheet: the page's layout in a few rules, the reader's own fonts and colours otherwise. */
const stylesheet = `.section-number, .muted, .lede { opacity: 0.75; }
.card { border: 1px solid #999; border-radius: 4px; padding: 0.5em 0.75em; margin: 1em 0; }
.card dt { font-weight: bold; }
.reaction { display: flex; align-items: center; justify-content: space-between; gap: 1em; margin: 1em 0; }
.chain .stage { border: 1px solid #999; padding: 0 0.3em; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
sub, sup { line-height: 0; }
table { border-collapse: collapse; }
th, td { border-bottom: 1px solid #999; padding: 0.2em 0.4em; text-align: left; vertical-align: top; }
nav ol { list-style: none; }
`;

/** The book's documents, read from the whole edition's page: title page, contents, one per section, references. */
export function epubDocuments(page: Root): { metadata: EpubMetadata; documents: EpubDocument[]; contents: Element } {
  const [identifier] = metaValues(page, 'DC.identifier');
  const [title] = metaValues(page, 'DC.title');
  const [date] = metaValues(page, 'DC.date');
  const language = String(find(page, (n) => n.tagName === 'html')?.properties.lang ?? '');
  if (!identifier || !title || !date || !language) throw new Error('epub: the whole edition’s page lacks its DC.identifier, DC.title, DC.date or lang');
  const metadata: EpubMetadata = { identifier, title, language, date, creators: metaValues(page, 'DC.creator') };
  const part = (test: (n: Element) => boolean, what: string) => {
    const el = find(page, test);
    if (!el) throw new Error(`epub: the whole edition’s page has no ${what}`);
    return forReader(el);
  };
  const titlePage = part((n) => has(n, 'title-page'), 'title page (.title-page)');
  const contents = part((n) => has(n, 'edition-contents-list'), 'contents (.edition-contents-list)');
  const sections = findAll(page, (n) => n.tagName === 'section' && has(n, 'edition-section')).map(forReader);
  if (sections.length === 0) throw new Error('epub: the whole edition’s page has no section (section.edition-section)');
  const references = part((n) => n.tagName === 'section' && has(n, 'references-cited'), 'reference list (section.references-cited)');
  const heading = (el: Element) => textOf(find(el, (n) => /^h[1-6]$/.test(n.tagName)) ?? el).trim().replace(/\s+/g, ' ');
  const documents: EpubDocument[] = [
    { file: 'title.xhtml', title: metadata.title, body: [titlePage] },
    ...sections.map((s) => ({ file: `${String(s.properties.ariaLabelledBy ?? '').trim() || 'section'}.xhtml`, title: heading(s), body: [s] })),
    { file: 'references.xhtml', title: heading(references), body: [references] },
  ];
  return { metadata, documents, contents };
}

/**
 * Links made to work in the book: an in-page link (`#p-83`, `#ref-47`) leads to the document that holds its target;
 * a link to another page of the site becomes absolute (`/materials/licoo2/` → `https://…/materials/licoo2/`).
 */
function relink(documents: EpubDocument[], contents: Element, base: string): void {
  const home = new Map<string, string>();
  for (const doc of documents) for (const node of doc.body) if (node.type === 'element') visit(node, 'element', (el) => void (typeof el.properties.id === 'string' && home.set(el.properties.id, doc.file)));
  const fix = (tree: Element, file: string | undefined) =>
    visit(tree, 'element', (el) => {
      const href = el.properties.href;
      if (el.tagName !== 'a' || typeof href !== 'string') return;
      if (href.startsWith('#')) {
        const target = home.get(decodeURIComponent(href.slice(1)));
        if (!target) throw new Error(`epub: a link to ${href}, which no chapter holds`);
        if (target !== file) el.properties.href = target + href;
      } else el.properties.href = new URL(href, base).href;
    });
  for (const doc of documents) for (const node of doc.body) if (node.type === 'element') fix(node, doc.file);
  fix(contents, undefined);
}

const uses = (doc: EpubDocument, tagName: string) => doc.body.some((n) => n.type === 'element' && find(n, (e) => e.tagName === tagName) !== undefined);

/** The package document (`content.opf`). */
function packageDocument(m: EpubMetadata, documents: EpubDocument[]): string {
  const properties = (doc: EpubDocument) => [uses(doc, 'math') && 'mathml', uses(doc, 'svg') && 'svg'].filter(Boolean).join(' ');
  const item = (doc: EpubDocument, i: number) => {
    const p = properties(doc);
    return `    <item id="d${i}" href="${doc.file}" media-type="application/xhtml+xml"${p ? ` properties="${p}"` : ''} />`;
  };
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${m.language}">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="book-id">${xmlEscape(m.identifier)}</dc:identifier>
    <dc:title>${xmlEscape(m.title)}</dc:title>
    <dc:language>${m.language}</dc:language>
${m.creators.map((c) => `    <dc:creator>${xmlEscape(c)}</dc:creator>`).join('\n')}
    <dc:date>${m.date}</dc:date>
    <meta property="dcterms:modified">${m.date}T00:00:00Z</meta>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav" />
    <item id="style" href="style.css" media-type="text/css" />
${documents.map(item).join('\n')}
  </manifest>
  <spine>
    <itemref idref="d0" />
    <itemref idref="nav" />
${documents.slice(1).map((_, i) => `    <itemref idref="d${i + 1}" />`).join('\n')}
  </spine>
</package>
`;
}

const container = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml" />
  </rootfiles>
</container>
`;

/**
 * The EPUB of the whole edition's page `html`: `mimetype` first and stored, the container, the package document,
 * the navigation document and the chapters, each file dated with the edition's date (at noon, in the time zone the
 * zip's DOS dates are read in), so that the same page always gives the same bytes.
 */
export function buildEpub(html: string): Uint8Array {
  const page = unified().use(rehypeParse).parse(html);
  const { metadata, documents, contents } = epubDocuments(page);
  relink(documents, contents, metadata.identifier);
  // The contents as the navigation document: an EPUB `toc` nav whose entries lead to the chapters.
  const heading = find(contents, (n) => /^h[1-6]$/.test(n.tagName));
  const list = find(contents, (n) => n.tagName === 'ol');
  if (!heading || !list) throw new Error('epub: the contents have no heading or list');
  const nav: Element = { type: 'element', tagName: 'nav', properties: { 'epub:type': 'toc', id: 'toc' }, children: [heading, list] };
  const navXhtml = document({ file: 'nav.xhtml', title: textOf(heading).trim(), body: [nav] }, metadata.language);
  const [y, mo, d] = metadata.date.split('-').map(Number) as [number, number, number];
  const mtime = new Date(y, mo - 1, d, 12);
  const files: Zippable = {
    mimetype: [strToU8('application/epub+zip'), { level: 0 }],
    'META-INF/container.xml': strToU8(container),
    'OEBPS/content.opf': strToU8(packageDocument(metadata, documents)),
    'OEBPS/nav.xhtml': strToU8(navXhtml),
    'OEBPS/style.css': strToU8(stylesheet),
  };
  for (const doc of documents) files[`OEBPS/${doc.file}`] = strToU8(document(doc, metadata.language));
  return zipSync(files, { level: 9, mtime });
}
