/**
 * Reaction pathways: the multi-step reactions of the graph as chains of stages, for the pathway diagrams.
 * A chain grows from reactions written with several arrows (`Au -> LiAu3 -> Li3Au`), from `follows` links, and from
 * a later reaction of the same study that consumes the chain's last product (charge after discharge).
 */

/** What the layout needs of a reaction (a ReactionNode satisfies it). */
export interface PathwayReaction {
  id: string;
  number: number;
  data: { tex: string; label?: string; study?: string; follows?: string };
  study?: { id: string };
}

export interface PathwayStep {
  /** The reaction that makes this step. */
  reaction: PathwayReaction;
  /** The left-hand side of the step as written (`["CoO", "2Li"]`). */
  from: string[];
  /** The right-hand side of the step as written. */
  to: string[];
  /** Species taken in beyond what the previous stage holds (`["2Li"]`); empty when none. */
  adds: string[];
}

export interface Pathway {
  /** Id of the first reaction. */
  id: string;
  /** Stages in order, each a list of species as written (`["Li", "LiCoO2"]`). */
  stages: string[][];
  /** steps[i] leads from stages[i] to stages[i + 1]. */
  steps: PathwayStep[];
  reactions: PathwayReaction[];
}

/** The sides of an mhchem equation (`A + B -> C -> D` → `[["A","B"],["C"],["D"]]`). */
export function sidesOf(tex: string): string[][] {
  return tex.split(/\s*(?:->|<=>|\\rightarrow)\s*/).map((side) =>
    side
      .split(/\s+\+\s+/)
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

/** A species without its coefficient or inline math (`2Li2O` → `Li2O`, `$x$FePO4` → `FePO4`). */
export function speciesKey(term: string): string {
  return term.replace(/\$[^$]*\$/g, '').replace(/^\(?[\d.]+\)?\s*/, '').trim();
}

const studyOf = (r: PathwayReaction) => r.study?.id ?? r.data.study;

/** Every pathway of two or more steps, in the order of their first reaction's number. */
export function pathways(reactions: readonly PathwayReaction[]): Pathway[] {
  const sorted = [...reactions].sort((a, b) => a.number - b.number);
  const next = new Map<string, PathwayReaction>();
  for (const r of sorted) if (r.data.follows && !next.has(r.data.follows)) next.set(r.data.follows, r);
  const used = new Set<string>();
  const result: Pathway[] = [];
  for (const first of sorted) {
    if (used.has(first.id) || (first.data.follows && sorted.some((r) => r.id === first.data.follows))) continue;
    const chain: PathwayReaction[] = [first];
    for (let r = next.get(first.id); r && !chain.includes(r); r = next.get(r.id)) chain.push(r);
    // A later reaction of the same study that starts from the chain's last product continues it.
    for (;;) {
      const last = chain[chain.length - 1]!;
      const products = new Set(sidesOf(last.data.tex).at(-1)!.map(speciesKey));
      const more = sorted.find(
        (r) => !chain.includes(r) && !used.has(r.id) && !r.data.follows && r.number > last.number && studyOf(r) !== undefined &&
          studyOf(r) === studyOf(first) && sidesOf(r.data.tex)[0]!.every((s) => products.has(speciesKey(s))) && !next.has(r.id),
      );
      if (!more) break;
      chain.push(more);
    }
    const stages: string[][] = [];
    const steps: PathwayStep[] = [];
    for (const r of chain) {
      const [lhs, ...rest] = sidesOf(r.data.tex) as [string[], ...string[][]];
      let adds: string[] = [];
      if (stages.length === 0) stages.push(lhs);
      else {
        const held = new Set(stages.at(-1)!.map(speciesKey));
        adds = lhs.filter((s) => !held.has(speciesKey(s)));
      }
      rest.forEach((side, i) => {
        stages.push(side);
        steps.push({ reaction: r, from: i === 0 ? lhs : rest[i - 1]!, to: side, adds: i === 0 ? adds : [] });
      });
    }
    if (steps.length < 2) continue;
    for (const r of chain) used.add(r.id);
    result.push({ id: first.id, stages, steps, reactions: chain });
  }
  return result;
}
