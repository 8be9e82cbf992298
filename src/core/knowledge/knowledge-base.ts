// The loaded knowledge base: the records of data/, cross-checked, with name lookups.
import { NameIndex } from './name-index.js';
import {
  SECTION_IDS,
  type Company,
  type Figure,
  type Layer,
  type LayerId,
  type Moat,
  type MoatId,
  type Section,
  type SectionId,
  type Source,
  type Thesis,
  type Bilingual,
} from './schema.js';

export interface KnowledgeFiles {
  sections: Section[];
  layers: Layer[];
  companies: Company[];
  figures: Figure[];
  moats: { moats: Moat[]; durability: { text: Bilingual; source: Source } };
  theses: Thesis[];
}

export interface KnowledgeBase {
  readonly sections: readonly Section[];
  readonly layers: readonly Layer[];
  readonly companies: readonly Company[];
  readonly figures: readonly Figure[];
  readonly moats: readonly Moat[];
  readonly moatDurability: { text: Bilingual; source: Source };
  readonly theses: readonly Thesis[];
  readonly companyNames: NameIndex<Company>;
  readonly layerNames: NameIndex<Layer>;
  readonly moatNames: NameIndex<Moat>;
  section(id: SectionId): Section;
  layer(id: LayerId): Layer;
  company(id: string): Company | undefined;
  figure(id: string): Figure | undefined;
  moat(id: MoatId): Moat;
  segmentOf(company: Company): Layer['segments'][number] | undefined;
}

function byId<T extends { id: string }>(items: readonly T[], file: string): Map<string, T> {
  const map = new Map<string, T>();
  items.forEach((item, i) => {
    if (map.has(item.id)) throw new Error(`data/${file}: [${i}].id: “${item.id}” appears twice`);
    map.set(item.id, item);
  });
  return map;
}

/** @throws Error naming the file and field of the first broken reference. */
export function buildKnowledgeBase(files: KnowledgeFiles): KnowledgeBase {
  const sections = byId(files.sections, 'sections.json');
  const layers = byId(files.layers, 'layers.json');
  const companies = byId(files.companies, 'companies.json');
  const figures = byId(files.figures, 'figures.json');
  const moats = byId(files.moats.moats, 'moats.json');
  checkReferences(files, { companies, figures, layers });

  const names = (b: { en: string; zh: string }) => [b.en, b.zh];
  const companyNames = indexed(
    'companies.json',
    () =>
      new NameIndex(files.companies.map((c) => ({ item: c, display: c.name, names: [c.id, c.name, ...c.aliases.en, ...c.aliases.zh] }))),
  );
  const layerNames = indexed(
    'layers.json',
    () =>
      new NameIndex(
        files.layers.map((l) => ({ item: l, display: l.id, names: [l.id, ...names(l.name), ...l.aliases.en, ...l.aliases.zh] })),
      ),
  );
  const moatNames = indexed(
    'moats.json',
    () =>
      new NameIndex(
        files.moats.moats.map((m) => ({ item: m, display: m.name.en, names: [m.id, ...names(m.name), ...m.aliases.en, ...m.aliases.zh] })),
      ),
  );

  return {
    sections: SECTION_IDS.map((id) => sections.get(id)!),
    layers: files.layers,
    companies: files.companies,
    figures: files.figures,
    moats: files.moats.moats,
    moatDurability: files.moats.durability,
    theses: files.theses,
    companyNames,
    layerNames,
    moatNames,
    section: (id) => sections.get(id)!,
    layer: (id) => layers.get(id)!,
    company: (id) => companies.get(id),
    figure: (id) => figures.get(id),
    moat: (id) => moats.get(id)!,
    segmentOf: (company) => layers.get(company.layer)?.segments.find((s) => s.id === company.segment),
  };
}

function indexed<T>(file: string, build: () => T): T {
  try {
    return build();
  } catch (err) {
    throw new Error(`data/${file}: aliases: ${(err as Error).message}`);
  }
}

function checkReferences(
  files: KnowledgeFiles,
  maps: { companies: Map<string, Company>; figures: Map<string, Figure>; layers: Map<string, Layer> },
): void {
  const missing = (file: string, path: string, what: string, id: string) => new Error(`data/${file}: ${path}: no ${what} with id “${id}”`);
  for (const id of ['apps', 'models', 'infra'] as const) {
    if (!maps.layers.has(id)) throw new Error(`data/layers.json: layer “${id}” is missing`);
  }
  files.layers.forEach((layer, li) => {
    layer.figures.forEach((fid, fi) => {
      if (!maps.figures.has(fid)) throw missing('layers.json', `[${li}].figures[${fi}]`, 'figure', fid);
    });
    layer.segments.forEach((segment, si) => {
      segment.companies.forEach((cid, ci) => {
        const company = maps.companies.get(cid);
        const path = `[${li}].segments[${si}].companies[${ci}]`;
        if (!company) throw missing('layers.json', path, 'company', cid);
        if (company.layer !== layer.id || company.segment !== segment.id) {
          throw new Error(`data/layers.json: ${path}: “${cid}” is filed under ${company.layer}/${company.segment} in companies.json`);
        }
      });
    });
  });
  files.companies.forEach((company, ci) => {
    const segment = maps.layers.get(company.layer)?.segments.find((s) => s.id === company.segment);
    if (!segment) throw new Error(`data/companies.json: [${ci}].segment: layer “${company.layer}” has no segment “${company.segment}”`);
    if (company.parent && !maps.companies.has(company.parent)) throw missing('companies.json', `[${ci}].parent`, 'company', company.parent);
    company.facts.forEach((fact, fi) => {
      fact.figures.forEach((fid, i) => {
        if (!maps.figures.has(fid)) throw missing('companies.json', `[${ci}].facts[${fi}].figures[${i}]`, 'figure', fid);
      });
    });
  });
  files.figures.forEach((figure, fi) => {
    figure.companies.forEach((cid, ci) => {
      if (!maps.companies.has(cid)) throw missing('figures.json', `[${fi}].companies[${ci}]`, 'company', cid);
    });
  });
}
