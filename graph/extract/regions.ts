// What a report is about, judged from the divisions it names in full: its regions (provinces,
// cities and counties) and its own county-level district.
import type { Candidate } from './candidate.ts';
import type { Division, Gazetteer } from './gazetteer.ts';

// How many provinces, cities and counties at most make up a report's region.
const MAX_REGIONS = 9;

/** The provinces, cities and counties the document is about, judged by its full-name mentions. */
export function documentRegions(gazetteer: Gazetteer, candidates: readonly Candidate[]): Set<string> {
  const votes = new Map<string, number>();
  for (const c of candidates) {
    if (c.via !== 'division' || !c.divisions) continue;
    // An ambiguous name (天河街道) votes weakly for each of its places.
    const weight = 1 / c.divisions.length;
    for (const d of c.divisions) {
      for (const ancestor of gazetteer.lineage(d.code)) {
        if (ancestor.level === 'township' || ancestor.level === 'village') continue;
        votes.set(ancestor.code, (votes.get(ancestor.code) ?? 0) + weight);
      }
    }
  }
  const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1]);
  const best = ranked[0]?.[1] ?? 0;
  const regions = new Set(ranked.filter(([, v]) => v >= Math.max(1, best / 4)).slice(0, MAX_REGIONS).map(([code]) => code));
  return regions;
}

export function inRegion(gazetteer: Gazetteer, division: Division, regions: ReadonlySet<string>): boolean {
  if (division.level === 'province') return true;
  return gazetteer.lineage(division.code).some((d) => regions.has(d.code) && d.code !== division.code) || regions.has(division.code);
}

/** The county-level district a report names most often: the one it is about. */
export function homeCounty(candidates: readonly Candidate[]): string | undefined {
  const counts = new Map<string, number>();
  for (const c of candidates) if (c.type === 'District' && c.divisions?.length && c.level === 'county') {
    const full = c.divisions[0]!.name;
    counts.set(full, (counts.get(full) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

