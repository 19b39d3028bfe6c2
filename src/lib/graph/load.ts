import { type CollectionEntry, type CollectionKey, getCollection, render } from 'astro:content';
import type { CollectedRefs } from '../collected-refs';
import { emptyRefs } from '../collected-refs';
import { buildGraph, type Entry, graphCounts, type Graph } from './build';

let graph: Promise<Graph> | undefined;
/** Each section's rendered body, by slug: kept beside the graph, which holds data only. */
const bodies = new Map<string, RenderedContent>();
type RenderedContent = Awaited<ReturnType<typeof render>>['Content'];

/** The rendered MDX body of a section (its `Content` component), once the graph is loaded. */
export async function sectionBody(slug: string): Promise<RenderedContent> {
  await loadGraph();
  const body = bodies.get(slug);
  if (!body) throw new Error(`no section "${slug}" in the content graph`);
  return body;
}

/** The content graph, loaded and checked once per build. Pages and components read from it only. */
export function loadGraph(): Promise<Graph> {
  graph ??= (async () => {
    const entries = async <C extends CollectionKey>(name: C): Promise<Entry<CollectionEntry<C>['data']>[]> =>
      (await getCollection(name)).map((e) => ({ id: e.id, filePath: e.filePath ?? `content/${name}`, data: e.data }));
    const sections = await Promise.all(
      (await getCollection('sections')).map(async (e) => {
        const { Content, headings, remarkPluginFrontmatter } = await render(e);
        bodies.set(e.data.slug, Content);
        return {
          id: e.id,
          filePath: e.filePath ?? `content/sections/${e.id}.mdx`,
          data: e.data,
          headings,
          refs: (remarkPluginFrontmatter.refs as CollectedRefs | undefined) ?? emptyRefs(),
        };
      }),
    );
    const built = buildGraph({
      sections,
      references: await entries('references'),
      studies: await entries('studies'),
      materials: await entries('materials'),
      techniques: await entries('techniques'),
      cells: await entries('cells'),
      reactions: await entries('reactions'),
      glossary: await entries('glossary'),
    });
    const counts = Object.entries(graphCounts(built)).map(([kind, n]) => `${n} ${kind}`);
    console.log(`[content graph] ${counts.join(', ')}`);
    return built;
  })();
  return graph;
}

export type * from './build';
