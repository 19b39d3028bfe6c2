/**
 * Controlled vocabularies of the content graph. Each list is declared once here; the schemas build their enums
 * from these arrays and the pages read the labels from the same records.
 */

/** Roles a material plays in the reviewed experiments. */
export const materialRoles = {
  cathode: 'Cathode',
  anode: 'Anode',
  'solid-electrolyte': 'Solid electrolyte',
  interphase: 'Interphase or reaction product',
  host: 'Li host',
  coating: 'Coating',
  catalyst: 'Catalyst',
  'current-collector': 'Current collector or counter electrode',
} as const;

/** Structural or chemical families of materials. */
export const materialFamilies = {
  'layered-oxide': 'Layered oxide',
  spinel: 'Spinel',
  olivine: 'Olivine (polyanionic)',
  'li-rich-oxide': 'Li-rich layered oxide',
  chalcogen: 'Chalcogen',
  'metal-sulfide': 'Metal sulfide',
  'metal-fluoride': 'Metal fluoride',
  'li-metal': 'Lithium metal',
  'metal-alloy': 'Metal or alloy',
  carbon: 'Carbon',
  garnet: 'Garnet',
  nasicon: 'NASICON',
  perovskite: 'Perovskite',
  sulfide: 'Sulfide electrolyte',
  'lipon-nitride': 'Oxynitride or nitride',
  'binary-li-compound': 'Binary Li compound',
  polymer: 'Polymer',
  oxide: 'Other oxide',
  other: 'Other',
} as const;

/** Li-storage mechanisms named by the review. */
export const mechanisms = {
  intercalation: 'Intercalation',
  conversion: 'Conversion',
  alloying: 'Alloying',
  'intercalation-conversion': 'Intercalation then conversion',
  'intercalation-extrusion': 'Intercalation–extrusion',
  plating: 'Plating and stripping',
  none: 'Not an active electrode',
  unstated: 'Not stated by the review',
} as const;

/** Electrochemical or chemical processes a study observes. */
export const processes = {
  lithiation: 'Lithiation',
  delithiation: 'Delithiation',
  plating: 'Li plating',
  stripping: 'Li stripping',
  'contact-reaction': 'Contact reaction',
  cycling: 'Cycling',
  discharge: 'Discharge',
  charge: 'Charge',
  'electron-beam': 'Electron-beam exposure',
  heating: 'Heating',
  'mechanical-test': 'Mechanical test',
  'ex-situ': 'Examined after the reaction, outside the microscope',
} as const;

/** Kinds of TEM technique. */
export const techniqueKinds = {
  imaging: 'Imaging',
  diffraction: 'Diffraction',
  spectroscopy: 'Spectroscopy',
  'field-mapping': 'Field and strain mapping',
  environment: 'Environment and sample conditions',
  'in-situ-probe': 'In situ probe',
} as const;

/** Families of in situ cell, as the review's overview figure groups them (labels may hold TeX in `$…$`). */
export const cellFamilies = {
  'native-electrolyte': 'Open cell with a naturally formed electrolyte ($\\ce{Li2O}$, $\\ce{LiO_xN_y}$, $\\ce{Li2CO3}$)',
  'conventional-electrolyte': 'Open cell with a conventional solid electrolyte',
  'bulk-type': 'Bulk-type cell built from battery materials',
  'nanoscale-asslb': 'Nanoscale solid-state battery built inside the TEM, its configuration not named by the review',
  'no-cell': 'No cell in the microscope (specimens reacted beforehand)',
} as const;

/** Kinds of page; the search filter for page kind reads the same list. */
export const pageKinds = {
  section: 'Section',
  study: 'Study',
  material: 'Material',
  technique: 'Technique',
  cell: 'Cell',
  reaction: 'Reaction',
  reference: 'Reference',
  glossary: 'Glossary',
  page: 'Page',
} as const;

export type MaterialRole = keyof typeof materialRoles;
export type PageKind = keyof typeof pageKinds;

/** A non-empty tuple of the keys of a vocabulary, as `z.enum` wants it. */
export function keysOf<T extends Record<string, string>>(record: T): [keyof T & string, ...(keyof T & string)[]] {
  return Object.keys(record) as [keyof T & string, ...(keyof T & string)[]];
}
