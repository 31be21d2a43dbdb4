// Diffusions for the map benchmark, shaped as the API's MapDiffusion answer: the seeds' (every
// program and pilot with an adopter, placed by code or LOCATED_IN as the server does) and a
// synthetic one of any size. Both go through the server's own figures (diffusion-figures.ts).
import { CO_MENTIONED, type EntityRecord, type ExtractionExport } from '../graph/index.ts';
import { computeDiffusion, type AdoptionInput } from '../graph/queries/diffusion-figures.ts';
import { significantCode, zhejiangDivisions } from '../graph/queries/divisions.ts';
import type { AdopterView, EntityView, ProgramDiffusionView } from '../graph/queries/views.ts';
import type { DiffusionResult } from '../web/api/index.ts';

type Program = DiffusionResult['programs'][number];

const view = (e: Pick<EntityRecord, 'id' | 'type' | 'name'> & { code?: string | null }): EntityView => ({
  id: e.id,
  type: e.type,
  name: e.name,
  aliases: [],
  code: e.code ?? null,
  officialName: null,
  level: null,
  confidence: null,
  degree: 1,
});

/** The server's view as the client's query receives it (documents named, lists of ids where it asks for ids). */
function asResult(programs: ProgramDiffusionView[], titles: Map<string, { title: string; date: string | null }>): DiffusionResult {
  const ref = (a: AdopterView) => ({ entity: { id: a.entity.id } });
  const adoption = (a: AdopterView['first']) => ({
    firstReported: a.firstReported,
    documentIds: a.documentIds,
    relation: { id: a.relation.id, type: a.relation.type, weight: a.relation.weight },
  });
  const toProgram = (p: ProgramDiffusionView): Program => ({
    program: { id: p.program.id, type: p.program.type, name: p.program.name },
    firstReported: p.firstReported,
    lastReported: p.lastReported,
    adopters: p.adopters.map((a) => ({
      entity: { id: a.entity.id, type: a.entity.type, name: a.entity.name, code: a.entity.code },
      firstReported: a.firstReported,
      first: {
        ...adoption(a.first),
        evidence: a.first.evidence && {
          ...a.first.evidence,
          document: {
            id: a.first.evidence.documentId,
            title: titles.get(a.first.evidence.documentId)?.title ?? '',
            date: titles.get(a.first.evidence.documentId)?.date ?? null,
            source: null,
          },
        },
      },
      implements: a.implements && adoption(a.implements),
      selectedAs: a.selectedAs && adoption(a.selectedAs),
      place: { ...a.place, via: a.place.via && { id: a.place.via.id, name: a.place.via.name } },
      designation: a.designation,
    })),
    curve: p.curve.map((c) => ({
      month: c.month,
      cumulative: c.cumulative,
      divisionsReached: c.divisionsReached,
      adopters: c.adopters.map(ref),
    })),
    undated: p.undated.map(ref),
    firstAdopters: p.firstAdopters.map((f) => ({ city: f.city, firstReported: f.firstReported, adopters: f.adopters.map(ref) })),
    reach: p.reach,
    lags: p.lags.map((l) => ({ division: l.division, firstReported: l.firstReported, lagDays: l.lagDays, adopters: l.adopters.map(ref) })),
    medianLagDays: p.medianLagDays,
    designations: p.designations,
  });
  return { level: 'COUNTY', divisionCount: zhejiangDivisions().count('COUNTY'), programs: programs.map(toProgram) } as DiffusionResult;
}

/** The `top` programs and pilots of an export with the most adopters, as the map receives them. */
export function exportDiffusion(data: ExtractionExport, top: number): DiffusionResult {
  const entities = new Map(data.entities.map((e) => [e.id, e]));
  const dates = new Map(data.documents.map((d) => [d.id, d.date]));
  const located = new Map<string, string>();
  for (const r of data.relations) if (r.type === 'LOCATED_IN' && !located.has(r.source)) located.set(r.source, r.target);
  /** Its own code, else the first coded district up its LOCATED_IN chain. */
  const placeOf = (e: EntityRecord): AdoptionInput['place'] => {
    if (significantCode(e.code)) return { code: e.code!, source: 'OWN_CODE', via: null };
    let at = located.get(e.id);
    for (let hops = 0; at && hops < 6; hops++, at = located.get(at)) {
      const up = entities.get(at);
      if (up && significantCode(up.code)) return { code: up.code!, source: 'LOCATED_IN', via: view(up) };
    }
    return { code: null, source: 'NONE', via: null };
  };
  const byProgram = new Map<string, AdoptionInput[]>();
  for (const r of data.relations) {
    if (r.type === CO_MENTIONED || (r.type !== 'IMPLEMENTS' && r.type !== 'SELECTED_AS')) continue;
    const source = entities.get(r.source);
    const target = entities.get(r.target);
    if (!source || !target || (target.type !== 'Program' && target.type !== 'Pilot')) continue;
    const dated = r.evidence.filter((e) => dates.get(e.doc)).sort((a, b) => (dates.get(a.doc)! < dates.get(b.doc)! ? -1 : 1));
    const first = dated[0] ?? r.evidence[0]!;
    const firstReported = dated.length ? dates.get(dated[0]!.doc)! : null;
    (byProgram.get(target.id) ?? byProgram.set(target.id, []).get(target.id)!).push({
      entity: view(source),
      relation: {
        id: r.id,
        type: r.type,
        directed: true,
        source: r.source,
        target: r.target,
        weight: r.weight,
        confidence: r.confidence ?? null,
        firstReported,
      },
      firstReported,
      documentIds: [...new Set(r.evidence.map((e) => e.doc))],
      evidence: {
        documentId: first.doc,
        start: first.start,
        end: first.end,
        text: first.text,
        highlights: [],
        ends: null,
        confidence: null,
      },
      place: placeOf(source),
    });
  }
  const registry = zhejiangDivisions();
  const programs = [...byProgram]
    .map(([id, adoptions]) => computeDiffusion(view(entities.get(id)!), adoptions, 'COUNTY', registry))
    .sort((a, b) => b.adopters.length - a.adopters.length || (a.program.id < b.program.id ? -1 : 1))
    .slice(0, top);
  return asResult(programs, new Map(data.documents.map((d) => [d.id, { title: d.title, date: d.date }])));
}

/** A seeded generator of numbers in [0, 1). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One program with `points` adopters over `months` months from 2019-01: counties, villages in
 * them, companies placed through their county, a few unplaceable and a few undated.
 */
export function syntheticDiffusion(points: number, months: number, countyCodes: readonly string[]): DiffusionResult {
  const next = random(points * 31 + months);
  const program = view({ id: 'Program:合成项目', type: 'Program', name: '合成项目' });
  const adoptions: AdoptionInput[] = [];
  for (let i = 0; i < points; i++) {
    const county = countyCodes[Math.floor(next() * countyCodes.length)]!;
    const kind = next();
    const m = Math.floor(next() * months);
    const date =
      kind < 0.05
        ? null
        : `${2019 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
    const village = `${county}${String(1 + Math.floor(next() * 20)).padStart(3, '0')}${String(1 + Math.floor(next() * 300)).padStart(3, '0')}`;
    const entity =
      kind < 0.3
        ? view({ id: `District:${county}#${i}`, type: 'District', name: `县${i}`, code: county })
        : kind < 0.8
          ? view({ id: `Village:${village}#${i}`, type: 'Village', name: `村${i}`, code: village })
          : view({ id: `Company:${i}`, type: 'Company', name: `公司${i}` });
    const place: AdoptionInput['place'] =
      kind < 0.8
        ? { code: entity.code, source: 'OWN_CODE', via: null }
        : kind < 0.95
          ? { code: county, source: 'LOCATED_IN', via: null }
          : { code: null, source: 'NONE', via: null };
    const id = `IMPLEMENTS:${entity.id}->${program.id}`;
    adoptions.push({
      entity,
      relation: {
        id,
        type: 'IMPLEMENTS',
        directed: true,
        source: entity.id,
        target: program.id,
        weight: 1,
        confidence: null,
        firstReported: date,
      },
      firstReported: date,
      documentIds: [`doc-${i % 97}.txt`],
      evidence: {
        documentId: `doc-${i % 97}.txt`,
        start: 0,
        end: 20,
        text: `${entity.name}实施合成项目。`,
        highlights: [],
        ends: null,
        confidence: null,
      },
      place,
    });
  }
  return asResult([computeDiffusion(program, adoptions, 'COUNTY', zhejiangDivisions())], new Map());
}
