import { type CollectionEntry, type CollectionKey, getCollection, render } from 'astro:content';
import { readFileSync } from 'node:fs';
import type { CollectedRefs } from '../collected-refs';
import { emptyRefs } from '../collected-refs';
import { keyedEntries } from '../yaml-list';
import { parseYamlWithPlaces } from '../yaml-places';
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

/** The line of each entry of a YAML list of records, by the id its collection gives it (`keyedEntries`). */
function entryLines(filePath: string, keyField: string): Map<string, number> {
  const { data, placeOf } = parseYamlWithPlaces(readFileSync(filePath, 'utf8'));
  return new Map(keyedEntries(data, keyField).map(({ key, index }) => [key, placeOf([index]).line]));
}

/** The content graph, loaded and checked once per build. Pages and components read from it only. */
export function loadGraph(): Promise<Graph> {
  graph ??= (async () => {
    const entries = async <C extends CollectionKey>(name: C): Promise<Entry<CollectionEntry<C>['data']>[]> =>
      (await getCollection(name)).map((e) => ({ id: e.id, filePath: e.filePath ?? `content/${name}`, data: e.data }));
    /** The entries of a list file, each with its line. */
    const listed = async <C extends 'references' | 'glossary'>(name: C, keyField: string) => {
      const list = await entries(name);
      const lines = list[0] ? entryLines(list[0].filePath, keyField) : new Map<string, number>();
      return list.map((e) => ({ ...e, line: lines.get(e.id) }));
    };
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
      references: await listed('references', 'n'),
      studies: await entries('studies'),
      materials: await entries('materials'),
      techniques: await entries('techniques'),
      cells: await entries('cells'),
      reactions: await entries('reactions'),
      glossary: await listed('glossary', 'id'),
    });
    const counts = Object.entries(graphCounts(built)).map(([kind, n]) => `${n} ${kind}`);
    console.log(`[content graph] ${counts.join(', ')}`);
    return built;
  })();
  return graph;
}

export type * from './build';
