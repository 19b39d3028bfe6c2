import { type GraphContext, loadNodes } from './context';
import { reportBodyProblems, resolveBodies } from './passes/bodies';
import { checkExports, checkGlossaryTerms, checkProse, checkReached } from './passes/checks';
import { deriveRelations } from './passes/derive';
import { resolveReactions } from './passes/reactions';
import { numberSections } from './passes/sections';
import { resolveStudies } from './passes/studies';
import { ContentGraphError } from './problems';
import type { Graph, GraphInput } from './types';

export type * from './types';
export { graphCounts } from './types';

/**
 * The passes that make the graph, in the order they run, after `loadNodes` has made a node of every record: each
 * reads what the ones before it made. Every problem found is collected; none stops the passes after it.
 */
export const passes: readonly (readonly [name: string, pass: (g: GraphContext) => void])[] = [
  ['report problems found in section bodies', reportBodyProblems],
  ['number sections', numberSections],
  ['resolve studies', resolveStudies],
  ['resolve section bodies', resolveBodies],
  ['resolve reactions', resolveReactions],
  ['derive reverse relations', deriveRelations],
  ['check exports', checkExports],
  ['check every record is reached', checkReached],
  ['check prose fields', checkProse],
  ['check glossary terms', checkGlossaryTerms],
];

/**
 * Builds the content graph: checks every relation, numbers sections and reactions, and derives the reverse
 * relations. Throws a ContentGraphError that lists every problem with its file, line or field, value and rule.
 */
export function buildGraph(input: GraphInput): Graph {
  const g = loadNodes(input);
  for (const [, pass] of passes) pass(g);
  if (g.problems.length) throw new ContentGraphError(g.problems);
  const { input: _input, problems: _problems, problem: _problem, knownRef: _knownRef, sections: _inInputOrder, reading, ...graph } = g;
  return { ...graph, sections: reading };
}
