/**
 * `html` with `tags` put into its head, before the first match of `before` there, or at the head's end when nothing
 * there matches. The post-build stages place stylesheet links and preloads with it. Pure.
 */
export function intoHead(html: string, tags: string, before: RegExp): string {
  const end = html.indexOf('</head>');
  const found = html.slice(0, end).search(before);
  const at = found === -1 ? end : found;
  return html.slice(0, at) + tags + html.slice(at);
}
