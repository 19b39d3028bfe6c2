import type { Nodes, Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { type LinkKind, linkKinds } from '../lib/routes';
import { type CollectedLink, type CollectedPlacement, refsOf, reportProblem } from '../lib/collected-refs';

/** `material:licoo2` and the like: a link to a record of the content graph. */
const CROSS_LINK = new RegExp(`^(${linkKinds.join('|')}):(.*)$`);
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Components that place a record in the text, and the attribute naming it. */
const PLACED = { Study: 'study', Reaction: 'reaction' } as const;

export interface CrossLinkOptions {
  /** URL of a record of the given kind. */
  href: (kind: LinkKind, id: string) => string;
}

export interface CrossLinkProblem {
  message: string;
  line: number;
  column: number;
}

/**
 * Rewrites `[text](kind:id)` links to the record's URL and collects them, with every `<Study id>` and
 * `<Reaction id>` placed in the text. Whether the ids exist is for the content graph to say.
 */
export function crossLinksTransform(
  tree: Root,
  options: CrossLinkOptions,
): { links: CollectedLink[]; placements: CollectedPlacement[]; problems: CrossLinkProblem[] } {
  const links: CollectedLink[] = [];
  const placements: CollectedPlacement[] = [];
  const problems: CrossLinkProblem[] = [];
  const placeOf = (node: Nodes) => ({
    line: node.position?.start.line ?? 0,
    column: node.position?.start.column ?? 0,
  });

  visit(tree, (node) => {
    if (node.type === 'link') {
      const m = CROSS_LINK.exec(node.url);
      if (!m) return;
      const kind = m[1] as LinkKind;
      const id = m[2] ?? '';
      if (!ID.test(id)) {
        problems.push({ message: `malformed ${kind} link "${node.url}": the id must be lower-case words joined by hyphens`, ...placeOf(node) });
        return;
      }
      if (node.children.length === 0) {
        problems.push({ message: `${kind} link "${node.url}" has no text`, ...placeOf(node) });
        return;
      }
      links.push({ kind, id, text: toString(node), ...placeOf(node) });
      node.url = options.href(kind, id);
      return;
    }
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const element = node as MdxJsxFlowElement;
      const kind = PLACED[element.name as keyof typeof PLACED];
      if (!kind) return;
      const attr = element.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id');
      const id = attr && typeof attr.value === 'string' ? attr.value : undefined;
      if (!id || !ID.test(id)) {
        problems.push({ message: `<${element.name}> needs id="…" written as a plain string of lower-case words joined by hyphens`, ...placeOf(node) });
        return;
      }
      placements.push({ kind, id, ...placeOf(node) });
    }
  });
  return { links, placements, problems };
}

/**
 * remark plugin: cross-links get their URLs; ids and places go to `remarkPluginFrontmatter.refs`, and every
 * malformed link or placement to `refs.problems` (rule `link-syntax`), for the content graph to report.
 */
export default function remarkCrossLinks(options: CrossLinkOptions) {
  return (tree: Root, file: VFile) => {
    const { links, placements, problems } = crossLinksTransform(tree, options);
    for (const p of problems) reportProblem(file, { rule: 'link-syntax', ...p }, 'remark-crosslinks');
    const refs = refsOf(file);
    refs.links.push(...links);
    refs.placements.push(...placements);
  };
}
