import rehypeStringify from 'rehype-stringify';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { katexOptions, rehypeKatex } from '../../src/plugins/katex';
import rehypeKatexStrict from '../../src/plugins/rehype-katex-strict';
import rehypeMathIndex from '../../src/plugins/rehype-math-index';
import remarkCitations from '../../src/plugins/remark-citations';
import remarkCrossLinks from '../../src/plugins/remark-crosslinks';
import type { CollectedRefs } from '../../src/plugins/refs';
import { linkHref, makeRoutes } from '../../src/lib/routes';

const routes = makeRoutes('/base/');

/** The edition's Markdown pipeline, as astro.config.mjs wires it, from Markdown to HTML. */
export async function toHtml(markdown: string, path = 'content/sections/test.mdx') {
  const file = new VFile({ value: markdown, path });
  const out = await unified()
    .use(remarkParse)
    .use(remarkMath)
    .use(remarkCitations, { href: routes.reference })
    .use(remarkCrossLinks, { href: (kind, id) => linkHref(routes, kind, id) })
    .use(remarkRehype)
    .use(rehypeKatex, katexOptions)
    .use(rehypeKatexStrict)
    .use(rehypeMathIndex)
    .use(rehypeStringify)
    .process(file);
  return { html: String(out), refs: refsOf(out) };
}

/** The remark half with MDX syntax, for what the plugins collect from `<Study>` and `<Reaction>`. */
export async function collectMdx(mdx: string, path = 'content/sections/test.mdx') {
  const file = new VFile({ value: mdx, path });
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkMath)
    .use(remarkCitations, { href: routes.reference })
    .use(remarkCrossLinks, { href: (kind, id) => linkHref(routes, kind, id) });
  await processor.run(processor.parse(file), file);
  return refsOf(file);
}

function refsOf(file: VFile): CollectedRefs {
  return (file.data as { astro: { frontmatter: { refs: CollectedRefs } } }).astro.frontmatter.refs;
}

/** Where and why a pipeline run failed, as a person reading the build log sees it. */
export async function failureOf(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    const e = error as { file?: string; line?: number; column?: number; reason?: string; message: string };
    return `${e.file ?? '?'}:${e.line ?? '?'}:${e.column ?? '?'}: ${e.reason ?? e.message}`;
  }
  throw new Error('expected the pipeline to fail');
}
