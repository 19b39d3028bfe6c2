import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor, type AstroMarkdownOptions } from '@astrojs/markdown-remark';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { CollectedRefs } from '../../src/lib/collected-refs';
import { makeRoutes } from '../../src/lib/routes';
import { markdownPlugins } from '../../src/markdown/plugins';

const routes = makeRoutes('/base/');
const plugins = markdownPlugins(routes, 'body');

/** Astro's own Markdown processor with the edition's plugins, as astro.config.mjs hands them to it. */
const processor = await createMarkdownProcessor({ ...(plugins as Pick<AstroMarkdownOptions, 'remarkPlugins' | 'rehypePlugins'>), syntaxHighlight: false });

/** Markdown to HTML through the real processor; what the plugins collected comes back in its frontmatter. */
export async function toHtml(markdown: string, path = 'content/sections/test.mdx') {
  const { code, metadata } = await processor.render(markdown, { fileURL: pathToFileURL(path) });
  return { html: code, refs: metadata.frontmatter.refs as CollectedRefs };
}

/** The remark half with MDX syntax, for what the plugins collect from `<Study>` and `<Reaction>`. */
export async function collectMdx(mdx: string, path = 'content/sections/test.mdx') {
  const file = new VFile({ value: mdx, path });
  const remark = unified().use(remarkParse).use(remarkMdx).use(plugins.remarkPlugins);
  await remark.run(remark.parse(file), file);
  return (file.data as { astro: { frontmatter: { refs: CollectedRefs } } }).astro.frontmatter.refs;
}

/** The problems the plugins collected from a file, as the content graph prints them (`file:line:column: message [rule]`). */
export function problemsOf(refs: CollectedRefs, path = 'content/sections/test.mdx'): string[] {
  return refs.problems.map((p) => `${path}:${p.line}:${p.column}: ${p.message} [${p.rule}]`);
}

/** Where and why a pipeline run failed, as a person reading the build log sees it. */
export async function failureOf(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    const e = error as { file?: string; line?: number; column?: number; reason?: string; message: string };
    return `${e.file ? relative('.', e.file) : '?'}:${e.line ?? '?'}:${e.column ?? '?'}: ${e.reason ?? e.message}`;
  }
  throw new Error('expected the pipeline to fail');
}
