/** Adds a script or stylesheet to the head; resolves once it has loaded. */
export const load = (tag: 'script' | 'link', props: Partial<HTMLScriptElement> | Partial<HTMLLinkElement>) =>
  new Promise((ok, fail) => document.head.append(Object.assign(document.createElement(tag), props, { onload: ok, onerror: fail })));
