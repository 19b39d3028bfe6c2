// The relevance suite: queries a reader of the review types, each with the pages that answer it. Written from the
// review (../shared/seed/) and the questions a reader brings to it, not from what the search returns: a query
// fails when the edition's search does not put one of its pages first (within 1) or among the first three
// (within 3). Run through the real search page in Chromium by relevance.test.ts; `npx node tests/relevance-report.ts`
// prints the top-1 and top-3 rates and every query that misses.

/** What the query tests. */
export type QueryKind = 'name' | 'formula' | 'abbreviation' | 'alias' | 'phrase' | 'number' | 'author' | 'technique' | 'cell' | 'topic' | 'misspelling';

export interface RelevanceQuery {
  /** What the reader types. */
  q: string;
  /** The rank the answer must reach: first (1) or among the first three (3). */
  within: 1 | 3;
  kind: QueryKind;
  /** The pages that answer the query (URL paths); any one of them at the rank required is enough. */
  pages: string[];
  /** Set when the search is known to miss this query: why. The test then asserts that it still misses, so a fix is noticed. */
  knownFailure?: string;
}

const m = (id: string) => `/materials/${id}/`;
const t = (id: string) => `/techniques/${id}/`;
const s = (slug: string) => `/sections/${slug}/`;
const st = (id: string) => `/studies/${id}/`;
const c = (id: string) => `/cells/${id}/`;
const r = (n: number) => `/references/${n}/`;
const query = (q: string, within: 1 | 3, kind: QueryKind, ...pages: string[]): RelevanceQuery => ({ q, within, kind, pages });

export const relevanceQueries: RelevanceQuery[] = [
  // Materials under every name: the material's page first.
  query('lithium cobalt oxide', 1, 'name', m('licoo2')),
  query('LiCoO2', 1, 'formula', m('licoo2')),
  query('LiCoO₂', 1, 'formula', m('licoo2')),
  query('LCO', 1, 'abbreviation', m('licoo2')),
  query('licoo2', 1, 'formula', m('licoo2')),
  query('LLZO', 1, 'abbreviation', m('llzo')),
  query('Li7La3Zr2O12', 1, 'formula', m('llzo')),
  query('Li₇La₃Zr₂O₁₂', 1, 'formula', m('llzo')),
  query('garnet electrolyte', 1, 'alias', m('llzo')),
  query('c-LLZO', 1, 'abbreviation', m('llzo')),
  query('tetragonal LLZO', 1, 'name', m('tetragonal-llzo')),
  query('Li2S', 1, 'formula', m('li2s')),
  query('Li₂S', 1, 'formula', m('li2s')),
  query('lithium sulfide', 1, 'name', m('li2s')),
  query('LiFePO4', 1, 'formula', m('lifepo4')),
  query('LiFePO₄', 1, 'formula', m('lifepo4')),
  query('LFP', 1, 'abbreviation', m('lifepo4')),
  query('lithium iron phosphate', 1, 'name', m('lifepo4')),
  query('FePO4', 1, 'formula', m('fepo4')),
  query('NCA', 1, 'abbreviation', m('nca')),
  query('LiNi0.8Co0.15Al0.05O2', 1, 'formula', m('nca')),
  query('LNMO', 1, 'abbreviation', m('lnmo')),
  query('LiNi0.5Mn1.5O4', 1, 'formula', m('lnmo')),
  query('LiMn2O4', 1, 'formula', m('limn2o4')),
  query('Li-rich layered oxide', 1, 'alias', m('li-rich-nmo')),
  query('Li2MnO3', 1, 'formula', m('li2mno3')),
  query('LiPON', 1, 'abbreviation', m('lipon')),
  query('lithium phosphorus oxynitride', 1, 'name', m('lipon')),
  query('LATP', 1, 'abbreviation', m('latp')),
  query('Li1.3Al0.3Ti1.7(PO4)3', 1, 'formula', m('latp')),
  query('LAGP', 1, 'abbreviation', m('lagp')),
  query('NASICON', 1, 'alias', m('lagp'), m('latp')),
  query('LATSPO', 1, 'abbreviation', m('latspo')),
  query('LASGTP', 1, 'abbreviation', m('lasgtp')),
  query('Li10GeP2S12', 1, 'formula', m('lgps')),
  query('Li2S-P2S5', 1, 'alias', m('lps')),
  query('TiS2', 1, 'formula', m('tis2')),
  query('TiS₂', 1, 'formula', m('tis2')),
  query('titanium disulfide', 1, 'name', m('tis2')),
  query('FeF2', 1, 'formula', m('fef2')),
  query('iron fluoride', 1, 'alias', m('fef2')),
  query('Fe0.9Co0.1OF', 1, 'formula', m('fe-co-oxyfluoride')),
  query('Li2O', 1, 'formula', m('li2o')),
  query('Li₂O₂', 1, 'formula', m('li2o2')),
  query('lithium peroxide', 1, 'name', m('li2o2')),
  query('Co3O4', 1, 'formula', m('co3o4')),
  query('MoS2', 1, 'formula', m('mos2')),
  query('PEO', 1, 'abbreviation', m('peo')),
  query('polyethylene oxide', 1, 'name', m('peo')),
  query('rGO', 1, 'abbreviation', m('rgo')),
  query('carbon nanotube', 1, 'name', m('cnt')),
  query('MIEC', 1, 'abbreviation', m('miec-tubules')),
  query('N-HPCS', 1, 'abbreviation', m('n-hpcs')),
  query('Li metal', 1, 'name', m('li-metal')),
  query('selenium', 1, 'name', m('selenium')),

  // Techniques under their names and abbreviations.
  query('EELS', 1, 'technique', t('eels')),
  query('electron energy loss spectroscopy', 1, 'technique', t('eels')),
  query('HRTEM', 1, 'technique', t('hrtem')),
  query('HAADF', 1, 'technique', t('stem-haadf')),
  query('cryo-TEM', 1, 'technique', t('cryo-tem')),
  query('environmental TEM', 1, 'technique', t('etem')),
  query('iDPC', 1, 'technique', t('idpc')),
  query('differential phase contrast', 1, 'technique', t('idpc')),
  query('4D-STEM', 1, 'technique', t('4d-stem')),
  query('geometric phase analysis', 1, 'technique', t('gpa')),
  query('electron holography', 1, 'technique', t('electron-holography')),
  query('SAED', 1, 'technique', t('saed')),
  query('selected area electron diffraction', 1, 'technique', t('saed')),
  query('EDX', 1, 'technique', t('eds')),
  query('CBED', 1, 'technique', t('cbed')),
  query('EFTEM', 1, 'technique', t('eftem')),
  query('non-negative matrix factorization', 1, 'technique', t('nmf-analysis')),
  query('sparse coding', 1, 'technique', t('sparse-coding'), st('nomura-lco-lasgtp-sparse-coding')),

  // Cells: the review's names for the in situ set-ups.
  query('thin film battery', 3, 'cell', c('thin-film-cell')),
  query('thin-film cell', 1, 'cell', c('thin-film-cell')),
  query('nanowire core-multishell cell', 1, 'cell', c('nanowire-core-multishell-cell')),
  query('solid polymer electrolyte open cell', 1, 'cell', c('solid-polymer-electrolyte-open-cell')),
  query('environmental open cell', 1, 'cell', c('gaseous-environmental-open-cell')),
  query('AFM-ETEM', 1, 'cell', c('afm-etem-open-cell'), t('afm-force'), t('etem')),

  // Phrases: the section, study or material that says it, before any page that only repeats it.
  query('holy grail', 1, 'phrase', s('li-metal-anodes'), m('li-metal')),
  query('Coble creep', 1, 'phrase', st('miec-tubules-coble-creep'), s('li-seed-free-hosts'), m('miec-tubules')),
  query('leapfrog phase transformation', 1, 'phrase', st('selenium-carbon-nanowire'), s('cathode-chalcogens'), m('selenium')),
  query('spinodal decomposition', 1, 'phrase', st('wang-fef2-conversion'), s('cathode-metal-fluorides'), m('fef2')),
  query('shuttle effect', 3, 'phrase', s('cathode-mechanisms'), s('cathode-chalcogens'), m('sulfur')),
  query('solid solution zone', 1, 'phrase', st('niu-lfp-nanowire-delithiation'), s('cathode-oxides-polyanionic')),
  query('misfit dislocations', 1, 'phrase', st('zhu-fepo4-lithiation'), s('cathode-oxides-polyanionic'), m('fepo4')),
  query('antiphase domain boundaries', 1, 'phrase', st('gong-2017-lco-delithiation'), s('cathode-oxides-polyanionic')),
  query('order-disorder transition', 1, 'phrase', st('gong-lnmo-delithiation'), m('lnmo'), s('cathode-oxides-polyanionic')),
  query('tip growth', 1, 'phrase', st('he-li-dendrite-growth'), s('li-growth-and-stress')),
  query('layered-to-spinel transition', 1, 'phrase', st('li-subsurface-spinel-transition')),
  query('oxygen vacancies', 1, 'phrase', st('yan-oxygen-vacancy-migration'), s('emerging-techniques')),
  // The study on them, or Li metal, which lists them among its forms (an entity first for any of its names).
  query('air-stable Li spheres', 1, 'phrase', st('air-stable-li-spheres'), m('li-metal')),
  query('space-charge layer', 3, 'phrase', s('outlook')),
  query('three-electrode configuration', 3, 'phrase', s('outlook')),
  query('electron beam damage', 3, 'phrase', s('outlook'), s('emerging-techniques'), t('cryo-tem')),

  // Topics and findings: the study that reports it, or the section on it.
  query('overlithiation LiCoO2', 1, 'topic', st('yang-lco-overlithiation')),
  query('topotactic transformation FeF2', 1, 'topic', st('karki-fef2-topotactic')),
  query('intercalation-extrusion', 1, 'topic', st('fan-fe-co-oxyfluoride'), m('fe-co-oxyfluoride')),
  query('axial lithiation sulfur', 1, 'topic', st('sulfur-cnt-axial-lithiation')),
  query('Li2S crust', 1, 'topic', st('xu-sulfur-li2s-crust')),
  query('boron nitride coating LATP', 1, 'topic', st('cheng-latp-bn-coating')),
  query('anisotropic swelling silicon nanowire', 1, 'topic', st('liu-si-nanowire-anisotropic-swelling')),
  query('Li dendrite growth stress', 3, 'topic', s('li-growth-and-stress'), st('li-whisker-mechanics'), st('he-li-dendrite-growth')),
  query('Li LLZO interface', 3, 'topic', st('ma-li-llzo-interphase'), s('anode-electrolyte-interfaces')),
  query('metal fluoride cathodes', 1, 'topic', s('cathode-metal-fluorides')),
  query('metal sulfides', 1, 'topic', s('cathode-metal-sulfides')),
  query('cathode/electrolyte interfaces', 1, 'topic', s('cathode-electrolyte-interfaces')),
  query('anode electrolyte interface', 1, 'topic', s('anode-electrolyte-interfaces')),
  query('emerging TEM techniques', 1, 'topic', s('emerging-techniques')),
  query('Li metal deposition without seeds', 1, 'topic', s('li-seed-free-hosts')),
  // The section on them, or gold, whose names include them.
  query('Au seeds', 1, 'topic', s('li-au-seeded-deposition'), m('au')),
  query('cathode reaction mechanisms', 1, 'topic', s('cathode-mechanisms')),
  query('Li-O2 battery', 3, 'topic', st('li-o2-etem-ruo2-cnt'), m('oxygen'), s('cathode-chalcogens')),

  // Numbers with their units.
  query('130 MPa', 1, 'number', st('li-whisker-mechanics'), s('li-growth-and-stress'), m('li-metal')),
  query('244 MPa', 1, 'number', st('li-whisker-mechanics'), s('li-growth-and-stress'), m('li-metal')),
  query('256 nm', 1, 'number', st('he-li-dendrite-growth'), s('li-growth-and-stress')),
  query('3860 mAh', 1, 'number', m('li-metal'), s('li-metal-anodes')),
  query('1675 mAh', 1, 'number', m('sulfur'), s('cathode-chalcogens')),
  query('1166 mAh', 1, 'number', m('li2s'), s('cathode-metal-sulfides')),
  query('0.576 nm', 1, 'number', st('fu-tis2-lithiation'), m('tis2'), s('cathode-metal-sulfides')),
  query('4.7 V', 3, 'number', m('lnmo'), s('cathode-oxides-polyanionic')),
  query('50 cycles', 3, 'number', st('n-hpcs-host'), m('n-hpcs'), s('li-seed-free-hosts')),

  // Authors: the study named after them, or the references they wrote.
  query('Yamamoto', 1, 'author', st('yamamoto-lco-latspo-holography')),
  query('Nomura', 1, 'author', st('nomura-lco-lasgtp-nmf'), st('nomura-lco-lasgtp-sparse-coding'), st('nomura-nca-grain-boundaries')),
  query('Santhanagopalan', 1, 'author', st('santhanagopalan-lco-lipon-si')),
  query('Karki', 1, 'author', st('karki-fef2-topotactic')),
  query('Kourkoutis', 1, 'author', st('kourkoutis-cryo-dendrites')),
  query('Niu LFP', 1, 'author', st('niu-lfp-nanowire-delithiation')),
  query("Huang's group", 1, 'author', st('air-stable-li-spheres'), st('li-whisker-mechanics')),
  query('Tarascon', 1, 'author', r(4), r(5), r(185)),
  query('Whittingham', 1, 'author', r(70), r(159), r(164), m('tis2')),

  // Misspellings and variant spellings.
  query('dendrit', 3, 'misspelling', s('li-growth-and-stress'), st('he-li-dendrite-growth'), m('li-metal')),
  query('sulphur', 1, 'misspelling', m('sulfur')),
  query('lithium aluminum titanium phosphate', 1, 'misspelling', m('latp')),
  query('electron energy-loss spectroscopy', 1, 'misspelling', t('eels')),
  query('LIPON', 1, 'misspelling', m('lipon')),
  query('4D STEM', 1, 'misspelling', t('4d-stem')),
];
