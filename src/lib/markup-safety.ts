// What makes markup unsafe to publish whatever the host's Content-Security-Policy: an element that runs script or
// loads something from another origin. Read here for the MDX bodies (remark-allowed-markup) and the built pages
// (checks/unsafe-markup) alike.
import { type HTMLElement, type Node, NodeType, parse } from 'node-html-parser';

/** An element as written: its tag, its attributes (names lower-cased, values decoded) and its offset in the text. */
export interface WrittenElement {
  tag: string;
  attributes: Record<string, string>;
  offset: number;
}

/** Every element of a piece of HTML, in document order. */
export function elementsOf(html: string): WrittenElement[] {
  const found: WrittenElement[] = [];
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType !== NodeType.ELEMENT_NODE) continue;
      const el = child as HTMLElement;
      const attributes: Record<string, string> = {};
      for (const [name, value] of Object.entries(el.attributes)) attributes[name.toLowerCase()] = value;
      found.push({ tag: el.rawTagName.toLowerCase(), attributes, offset: el.range[0] });
      walk(el);
    }
  };
  walk(parse(html, { comment: false }));
  return found;
}

/** Line and column (from 1) of a character offset in a text. */
export function placeOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

/** A URL as a browser reads it: tabs and newlines anywhere and leading spaces dropped, backslashes read as slashes. */
const asRead = (url: string) => url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '').replaceAll('\\', '/');

/** `javascript:` (or `vbscript:`) in any case or spacing a browser still runs. */
export const isScriptUrl = (url: string): boolean => /^(?:javascript|vbscript):/i.test(asRead(url));

/** A URL that leaves the site: one with a scheme (`https:`, `data:`) or a protocol-relative one (`//host/…`). */
export const isExternalUrl = (url: string): boolean => /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(asRead(url));

/** Every URL of an attribute value: the candidates of a `srcset`, else the value itself. */
const urlsIn = (name: string, value: string) => (name === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [value]);

/** Attributes whose value is a URL that a browser follows, loads or submits to. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'data', 'cite', 'background', 'xlink:href', 'ping', 'longdesc', 'manifest', 'codebase', 'lowsrc', 'dynsrc']);

/** Link relations a reader follows rather than the page loads. */
const NAVIGATIONAL_RELS = new Set(['canonical', 'alternate', 'author', 'license', 'help', 'bookmark', 'next', 'prev', 'search', 'me', 'external', 'nofollow', 'noopener', 'noreferrer']);

/** Whether this attribute of this element makes the page load what it names (an image, a script, a frame …). */
function loads(tag: string, name: string, attributes: Record<string, string>): boolean {
  if (['src', 'srcset', 'poster', 'background', 'lowsrc', 'dynsrc', 'codebase', 'manifest'].includes(name)) return true;
  if (name === 'data') return tag === 'object';
  if (name === 'href' || name === 'xlink:href') {
    if (tag === 'link') return !(attributes.rel ?? '').toLowerCase().split(/\s+/).filter(Boolean).every((rel) => NAVIGATIONAL_RELS.has(rel));
    return ['image', 'use', 'feimage', 'script'].includes(tag);
  }
  return false;
}

/**
 * What in an element's attributes runs script or loads from another origin, each as a phrase that follows the
 * element's name (`<span> has an event-handler attribute "onmouseover", which runs script`).
 */
export function unsafeAttributes(tag: string, attributes: Record<string, string>): string[] {
  const faults: string[] = [];
  for (const [name, value] of Object.entries(attributes)) {
    if (/^on./.test(name)) faults.push(`has an event-handler attribute "${name}", which runs script`);
    else if (name === 'srcdoc') faults.push('has srcdoc, a page of its own');
    else if (URL_ATTRIBUTES.has(name)) {
      for (const url of urlsIn(name, value)) {
        if (isScriptUrl(url)) faults.push(`has a script URL in ${name} ("${url}")`);
        else if (loads(tag, name, attributes) && isExternalUrl(url)) faults.push(`loads "${url}" from another origin (${name}): pages load only the edition's own files`);
      }
    }
  }
  return faults;
}
