import type { Html, Nodes, Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { type Place, reportProblem } from '../lib/collected-refs';
import { elementsOf, isExternalUrl, isScriptUrl, placeOf, unsafeAttributes } from '../lib/markup-safety';

/** The edition's components a section body may use, with their attributes (the section route hands them over). */
export const bodyComponents: Readonly<Record<string, readonly string[]>> = { Study: ['id'], Reaction: ['id'] };

/** The few HTML elements a body may write for what Markdown cannot say, and the attributes any of them may carry. */
export const bodyElements: readonly string[] = ['sub', 'sup', 'br', 'em', 'strong', 'span', 'abbr'];
const elementAttributes: readonly string[] = ['lang', 'title'];

export interface MarkupProblem extends Place {
  message: string;
}

const allowedList = `the edition's components: ${Object.keys(bodyComponents).join(', ')}; elements: ${bodyElements.join(', ')}; Markdown for the rest`;

/** What is wrong with one element of a body (JSX or HTML), each as a sentence about it. */
function elementFaults(name: string, attributes: Record<string, string | undefined>, spread: boolean): string[] {
  const tag = `<${name}>`;
  const lower = name.toLowerCase();
  const component = bodyComponents[name];
  const allowed = component ?? (bodyElements.includes(name) ? elementAttributes : undefined);
  const faults: string[] = [];
  if (lower === 'script' || lower === 'style')
    faults.push(`${tag} is not allowed in a section body: the edition's ${lower === 'script' ? 'scripts' : 'styles'} are files of its own`);
  else if (!allowed)
    faults.push(/^[A-Z]/.test(name) ? `${tag} is not one of the edition's components (${Object.keys(bodyComponents).join(', ')})` : `${tag} is not an element a section body may use (${allowedList})`);
  const written = Object.fromEntries(Object.entries(attributes).map(([n, v]) => [n.toLowerCase(), v ?? '']));
  const unsafe = unsafeAttributes(lower, written).map((f) => `${tag} ${f}`);
  faults.push(...unsafe);
  if (spread) faults.push(`${tag} has a spread attribute {…}: write each attribute as a plain string`);
  for (const [attribute, value] of Object.entries(attributes)) {
    if (value === undefined && !component) faults.push(`${tag} has the attribute "${attribute}" written as an expression {…}: write a plain string`);
    if (allowed && !allowed.includes(attribute) && !/^on/i.test(attribute))
      faults.push(`${tag} has the attribute "${attribute}", which a section body may not use (allowed: ${allowed.join(', ') || 'none'})`);
  }
  return faults;
}

/**
 * Everything in a body that the edition did not mean: JSX and HTML elements other than its components and a few
 * inline elements, attributes other than theirs, event handlers, script URLs, resources from other origins,
 * `<script>` and `<style>`, `import`/`export` and `{…}` expressions; a Markdown link with a script URL and a
 * Markdown image from another origin. Pure: it reads the tree and changes nothing.
 */
export function markupProblems(tree: Root): MarkupProblem[] {
  const problems: MarkupProblem[] = [];
  const at = (node: Node | undefined, message: string): void => {
    problems.push({ message, line: node?.position?.start.line ?? 0, column: node?.position?.start.column ?? 0 });
  };

  visit(tree, (node: Nodes | Node) => {
    switch (node.type) {
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const element = node as MdxJsxFlowElement | MdxJsxTextElement;
        if (element.name === null) return at(element, 'a fragment <>…</> is not markup a section body may use');
        const attributes: Record<string, string | undefined> = {};
        for (const a of element.attributes)
          if (a.type === 'mdxJsxAttribute') attributes[a.name] = typeof a.value === 'string' ? a.value : a.value === null || a.value === undefined ? '' : undefined;
        const spread = element.attributes.some((a) => a.type === 'mdxJsxExpressionAttribute');
        for (const fault of elementFaults(element.name, attributes, spread)) at(element, fault);
        return;
      }
      case 'html': {
        const { value, position } = node as Html;
        for (const { tag, attributes, offset } of elementsOf(value)) {
          const rel = placeOf(value, offset);
          const start = position?.start ?? { line: 0, column: 0 };
          const place = { line: start.line + rel.line - 1, column: rel.line === 1 ? start.column + rel.column - 1 : rel.column };
          for (const message of elementFaults(tag, attributes, false)) problems.push({ message, ...place });
        }
        return;
      }
      case 'mdxjsEsm':
        return at(node, 'import and export are not allowed in a section body: the section page hands it its components');
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        const estree = (node.data as { estree?: { body: unknown[] } } | undefined)?.estree;
        if (estree && estree.body.length === 0) return; // a comment, {/* … */}
        return at(node, 'a {…} expression is not allowed in a section body: content runs no code');
      }
      case 'link':
      case 'definition': {
        const { url } = node as { url: string };
        if (isScriptUrl(url)) at(node, `the link to "${url}" has a script URL`);
        return;
      }
      case 'image': {
        const { url } = node as { url: string };
        if (isScriptUrl(url) || isExternalUrl(url)) at(node, `the image "${url}" is not one of the edition's own files: pages load nothing from another origin`);
        return;
      }
    }
  });
  return problems;
}

/** remark plugin: every markup problem of the file goes to `refs.problems` (rule `markup`), for the content graph. */
export default function remarkAllowedMarkup() {
  return (tree: Root, file: VFile) => {
    for (const p of markupProblems(tree)) reportProblem(file, { rule: 'markup', ...p }, 'remark-allowed-markup');
  };
}
