// The content graph's records and relations, as the passes of src/lib/graph/build.ts make them.
import type { CellData } from '../../schemas/cell';
import type { GlossaryData } from '../../schemas/glossary';
import type { MaterialData } from '../../schemas/material';
import type { ReactionData } from '../../schemas/reaction';
import type { ReferenceData } from '../../schemas/reference';
import type { SectionData } from '../../schemas/section';
import type { StudyData } from '../../schemas/study';
import type { TechniqueData } from '../../schemas/technique';
import type { CollectedRefs } from '../collected-refs';
import type { SearchTerms } from '../search-terms';

/** A record as the collections hand it over. */
export interface Entry<T> {
  id: string;
  filePath: string;
  /** Its line, for a record in a file of many (the references, the glossary). */
  line?: number | undefined;
  data: T;
}

/** A section with what its MDX body collected (citations, cross-links, placements) and its headings. */
export interface SectionEntry extends Entry<SectionData> {
  refs: CollectedRefs;
  headings: { depth: number; slug: string; text: string }[];
}

export interface GraphInput {
  sections: SectionEntry[];
  references: Entry<ReferenceData>[];
  studies: Entry<StudyData>[];
  materials: Entry<MaterialData>[];
  techniques: Entry<TechniqueData>[];
  cells: Entry<CellData>[];
  reactions: Entry<ReactionData>[];
  glossary: Entry<GlossaryData>[];
}

/** A section of the graph: its entry (with what its body collected, which the graph reads) and its relations. */
export interface SectionNode extends SectionEntry {
  slug: string;
  /** The edition's number: "2", "2.1". */
  number: string;
  depth: number;
  parent?: SectionNode;
  children: SectionNode[];
  /** The sections before and after it in reading order; undefined at either end. */
  prev?: SectionNode | undefined;
  next?: SectionNode | undefined;
  /** Reference numbers cited, in order of first citation. */
  citations: number[];
  /** For each reference number, the ids of the citations of it on the section's page, in reading order. */
  citedAt: Map<number, string[]>;
  studies: StudyNode[];
  reactions: ReactionNode[];
  materials: MaterialNode[];
  techniques: TechniqueNode[];
}

export interface CitingPlace {
  section: SectionNode;
  context: string;
  /** The id of the citing paragraph on the section's page (`p-47-2`, see remark-citations' `anchorIds`). */
  anchor?: string | undefined;
}

export interface ReferenceNode extends Entry<ReferenceData> {
  n: number;
  citedIn: CitingPlace[];
  studies: StudyNode[];
  materials: MaterialNode[];
  cells: CellNode[];
}

export interface StudyNode extends Entry<StudyData> {
  section: SectionNode;
  references: ReferenceNode[];
  materials: MaterialNode[];
  techniques: TechniqueNode[];
  cell: CellNode;
  reactions: ReactionNode[];
}

export interface MaterialNode extends Entry<MaterialData> {
  /** Every written form a reader may search it by (name, plain and subscript formula, abbreviations, aliases). */
  searchTerms: SearchTerms;
  studies: StudyNode[];
  sections: SectionNode[];
  reactions: ReactionNode[];
}

export interface TechniqueNode extends Entry<TechniqueData> {
  /** How a list, a filter or a card names it: its abbreviation, else its name ("EELS", "in situ heating"). */
  label: string;
  /** Abbreviation, name and aliases, for the search index. */
  searchTerms: SearchTerms;
  studies: StudyNode[];
  sections: SectionNode[];
}

export interface CellNode extends Entry<CellData> {
  studies: StudyNode[];
  /** Sections that link to it or review a study that used it. */
  sections: SectionNode[];
  references: ReferenceNode[];
}

export interface ReactionNode extends Entry<ReactionData> {
  /** Number in reading order. */
  number: number;
  section: SectionNode;
  study?: StudyNode;
  materials: MaterialNode[];
  follows?: ReactionNode;
}

export interface GlossaryNode extends Entry<GlossaryData> {
  sections: SectionNode[];
}

export interface Graph {
  /** Sections in reading order. */
  sections: SectionNode[];
  /** Top-level parts in order. */
  parts: SectionNode[];
  section: Map<string, SectionNode>;
  references: ReferenceNode[];
  reference: Map<number, ReferenceNode>;
  studies: StudyNode[];
  study: Map<string, StudyNode>;
  materials: MaterialNode[];
  material: Map<string, MaterialNode>;
  techniques: TechniqueNode[];
  technique: Map<string, TechniqueNode>;
  cells: CellNode[];
  cell: Map<string, CellNode>;
  /** Reactions in number order. */
  reactions: ReactionNode[];
  reaction: Map<string, ReactionNode>;
  glossary: GlossaryNode[];
  term: Map<string, GlossaryNode>;
}

/** How many records of each kind the graph holds (the build prints them). */
export function graphCounts(g: Graph): Record<string, number> {
  return {
    sections: g.sections.length, studies: g.studies.length, materials: g.materials.length, techniques: g.techniques.length,
    cells: g.cells.length, reactions: g.reactions.length, references: g.references.length, 'glossary terms': g.glossary.length,
  };
}
