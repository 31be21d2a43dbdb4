// The figures of a program's spread, computed from its adoptions (each IMPLEMENTS or SELECTED_AS
// relation with its first report and the code that places its source). Pure: no database, so a
// hand-made graph checks every figure. Undated adoptions are kept apart, never given a date.
import { CODE_LENGTH, ZHEJIANG, precisionOf, significantCode, type DivisionRegistry } from './divisions.ts';
import type {
  AdopterPlaceView,
  AdopterView,
  AdoptionMonthView,
  AdoptionView,
  DesignationOrder,
  DesignationSummaryView,
  DiffusionLevel,
  DivisionLagView,
  DivisionView,
  EntityView,
  FirstAdopterView,
  PlaceSource,
  ProgramDiffusionView,
} from './views.ts';

/** One relation of an entity to the program, as the query reads it. */
export interface AdoptionInput extends AdoptionView {
  entity: EntityView;
  /** The code that places the entity: its own, or that of the nearest coded district it lies in. */
  place: { code: string | null; source: PlaceSource; via: EntityView | null };
}

const DAY_MS = 86_400_000;

/** Days since 1970 of an ISO date (YYYY-MM-DD, or YYYY-MM taken as its first day). */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Math.round(Date.UTC(y!, (m ?? 1) - 1, d ?? 1) / DAY_MS);
}

/** Dated before undated, older first. */
function byDate(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function division(registry: DivisionRegistry, code: string, length: number): DivisionView | null {
  if (code.length < length) return null;
  const prefix = code.slice(0, length);
  const name = registry.name(prefix);
  return name === null ? null : { code: prefix, name };
}

/** Where an adopter lies, from the code that places it; divisions the registry does not know are left null. */
export function placeOf(place: AdoptionInput['place'], registry: DivisionRegistry): AdopterPlaceView {
  const code = significantCode(place.code);
  const precision = code ? precisionOf(code) : null;
  if (!code || !precision)
    return { code: null, source: 'NONE', via: null, precision: 'NONE', inZhejiang: false, city: null, county: null, township: null };
  const inZhejiang = code.startsWith(ZHEJIANG);
  return {
    code,
    source: place.source,
    via: place.via,
    precision,
    inZhejiang,
    city: inZhejiang ? division(registry, code, CODE_LENGTH.CITY) : null,
    county: inZhejiang ? division(registry, code, CODE_LENGTH.COUNTY) : null,
    township: inZhejiang ? division(registry, code, CODE_LENGTH.TOWNSHIP) : null,
  };
}

function designationOf(implemented: AdoptionView | null, selected: AdoptionView | null): DesignationOrder {
  if (!selected) return 'STARTED_ONLY';
  if (!implemented) return 'DESIGNATED_ONLY';
  const s = selected.firstReported;
  const i = implemented.firstReported;
  if (s === null || i === null) return 'UNDATED';
  return s < i ? 'BEFORE' : s > i ? 'AFTER' : 'SAME_DAY';
}

const DESIGNATION_KEYS: Record<DesignationOrder, keyof DesignationSummaryView> = {
  BEFORE: 'before',
  SAME_DAY: 'sameDay',
  AFTER: 'after',
  UNDATED: 'undated',
  DESIGNATED_ONLY: 'designatedOnly',
  STARTED_ONLY: 'startedOnly',
};

/** One adopter per entity: its relations to the program merged, the earliest report first. */
export function adoptersOf(program: EntityView, adoptions: readonly AdoptionInput[], registry: DivisionRegistry): AdopterView[] {
  const byEntity = new Map<string, AdoptionInput[]>();
  for (const a of adoptions) (byEntity.get(a.entity.id) ?? byEntity.set(a.entity.id, []).get(a.entity.id)!).push(a);
  const pilot = program.type === 'Pilot';
  const adopters = [...byEntity.values()].map((list): AdopterView => {
    const strip = (a: AdoptionInput | undefined): AdoptionView | null =>
      a ? { relation: a.relation, firstReported: a.firstReported, documentIds: a.documentIds, evidence: a.evidence } : null;
    const implemented = strip(list.find((a) => a.relation.type === 'IMPLEMENTS'));
    const selected = strip(list.find((a) => a.relation.type === 'SELECTED_AS'));
    // The earliest report; on the same day (or both undated) running it before being named for it.
    const first = [implemented, selected]
      .filter((a): a is AdoptionView => a !== null)
      .sort((a, b) => byDate(a.firstReported, b.firstReported))[0]!;
    return {
      entity: list[0]!.entity,
      firstReported: first.firstReported,
      first,
      implements: implemented,
      selectedAs: selected,
      place: placeOf(list[0]!.place, registry),
      designation: pilot ? designationOf(implemented, selected) : null,
    };
  });
  return adopters.sort(
    (a, b) =>
      byDate(a.firstReported, b.firstReported) || a.entity.name.localeCompare(b.entity.name, 'zh') || (a.entity.id < b.entity.id ? -1 : 1),
  );
}

/** The division of `level` an adopter counts in, or null (coarser code, outside the province, unknown). */
function unitOf(adopter: AdopterView, level: DiffusionLevel): DivisionView | null {
  const place = adopter.place;
  return level === 'CITY' ? place.city : level === 'COUNTY' ? place.county : place.township;
}

/** Every figure of one program's spread. */
export function computeDiffusion(
  program: EntityView,
  adoptions: readonly AdoptionInput[],
  level: DiffusionLevel,
  registry: DivisionRegistry,
): ProgramDiffusionView {
  const adopters = adoptersOf(program, adoptions, registry);
  const dated = adopters.filter((a) => a.firstReported !== null);
  const undated = adopters.filter((a) => a.firstReported === null);
  const firstReported = dated[0]?.firstReported ?? null;
  const lastReported = dated.at(-1)?.firstReported ?? null;

  // The adoption curve: each month that adds adopters, cumulative counts of adopters and divisions.
  const curve: AdoptionMonthView[] = [];
  const reachedDated = new Set<string>();
  for (const adopter of dated) {
    const month = adopter.firstReported!.slice(0, 7);
    let point = curve.at(-1);
    if (!point || point.month !== month) curve.push((point = { month, adopters: [], cumulative: 0, divisionsReached: 0 }));
    point.adopters.push(adopter);
    const unit = unitOf(adopter, level);
    if (unit) reachedDated.add(unit.code);
    point.cumulative = (curve.at(-2)?.cumulative ?? 0) + point.adopters.length;
    point.divisionsReached = reachedDated.size;
  }

  // Reach: divisions with any adopter, dated or not; those known only from undated reports apart.
  const reached = new Set(reachedDated);
  let notCounted = 0;
  for (const adopter of adopters) {
    const unit = unitOf(adopter, level);
    if (unit) reached.add(unit.code);
    else notCounted++;
  }
  const total = registry.count(level);

  // The first adopters of each city (several when reported the same day); undated-only cities last.
  const cities = new Map<string, { city: DivisionView; adopters: AdopterView[] }>();
  for (const adopter of adopters) {
    const city = adopter.place.city;
    if (!city) continue;
    (cities.get(city.code) ?? cities.set(city.code, { city, adopters: [] }).get(city.code)!).adopters.push(adopter);
  }
  const firstAdopters: FirstAdopterView[] = [...cities.values()].map(({ city, adopters: list }) => {
    const first = list[0]!.firstReported;
    return { city, firstReported: first, adopters: list.filter((a) => a.firstReported === first) };
  });
  firstAdopters.sort((a, b) => byDate(a.firstReported, b.firstReported) || (a.city.code < b.city.code ? -1 : 1));

  // Lags: days from the program's first report to each division's first, over dated reports.
  const units = new Map<string, { division: DivisionView; firstReported: string; adopters: AdopterView[] }>();
  for (const adopter of dated) {
    const unit = unitOf(adopter, level);
    if (!unit) continue;
    const entry = units.get(unit.code);
    if (!entry) units.set(unit.code, { division: unit, firstReported: adopter.firstReported!, adopters: [adopter] });
    else if (entry.firstReported === adopter.firstReported) entry.adopters.push(adopter);
  }
  const lags: DivisionLagView[] = [...units.values()].map((u) => ({
    ...u,
    lagDays: dayNumber(u.firstReported) - dayNumber(firstReported!),
  }));
  lags.sort((a, b) => a.lagDays - b.lagDays || (a.division.code < b.division.code ? -1 : 1));

  let designations: DesignationSummaryView | null = null;
  if (program.type === 'Pilot') {
    designations = { before: 0, sameDay: 0, after: 0, undated: 0, designatedOnly: 0, startedOnly: 0 };
    for (const adopter of adopters) designations[DESIGNATION_KEYS[adopter.designation!]]++;
  }

  return {
    program,
    firstReported,
    lastReported,
    adopters,
    curve,
    undated,
    firstAdopters,
    reach: {
      reached: reached.size,
      total,
      share: total > 0 ? reached.size / total : 0,
      undatedOnly: reached.size - reachedDated.size,
      notCounted,
    },
    lags,
    medianLagDays: median(lags.map((l) => l.lagDays)),
    designations,
  };
}
