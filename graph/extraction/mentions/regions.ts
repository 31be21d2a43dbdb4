// What a report is about, judged from the divisions it names in full: its regions (provinces,
// cities and counties) and its own county-level district.
import type { Span } from '../normalize/index.ts';
import type { Candidate } from './candidate.ts';
import type { Division, Gazetteer } from './gazetteer.ts';

// How many provinces, cities and counties at most make up a report's region.
const MAX_REGIONS = 9;

/**
 * The provinces, cities and counties the document is about, judged by its full-name mentions; and,
 * in a report that names no county in full, by the short forms it uses instead (浙江; a county's short form
 * written again and again, never in full): a province's when nothing is named in full, and a county's of a
 * province in the region written at least {@link REPEATED_SHORT_FORM} times.
 */
export function documentRegions(
  gazetteer: Gazetteer,
  candidates: readonly Candidate[],
  text = '',
  sentences: readonly Span[] = [],
): Set<string> {
  const regions = fullNameRegions(gazetteer, candidates);
  // Only a report that names no county in full is read for short forms.
  if (sentences.length === 0 || [...regions].some((code) => code.length === 6)) return regions;
  const counts = new Map<string, number>();
  for (const sentence of sentences) {
    for (let start = sentence.start; start < sentence.end - 1; start++) {
      if (!gazetteer.shortNameStarts.at(text, start) || !gazetteer.opensAShortName(text, start)) continue;
      for (const length of [5, 4, 3, 2]) {
        if (start + length > sentence.end) continue;
        const divisions = gazetteer
          .shortNamed(text.slice(start, start + length))
          .filter((d) => d.level === 'province' || d.level === 'county');
        // One place only: a short form several counties share says nothing.
        if (divisions.length !== 1 || text.startsWith(divisions[0]!.name, start)) continue;
        counts.set(divisions[0]!.code, (counts.get(divisions[0]!.code) ?? 0) + 1);
        start += length - 1;
        break;
      }
    }
  }
  // A province written by its short form (浙江) joins a report that names nothing in full; a
  // county's short form, written again and again in that province joins as well.
  const none = regions.size === 0;
  for (const [code] of counts) if (code.length === 2 && none) regions.add(code);
  for (const [code, count] of counts) {
    if (code.length > 2 && count >= REPEATED_SHORT_FORM && regions.has(code.slice(0, 2)) && regions.size < MAX_REGIONS) regions.add(code);
  }
  return regions;
}

// How often a county's short form must be written for the report to be about it.
const REPEATED_SHORT_FORM = 3;

function fullNameRegions(gazetteer: Gazetteer, candidates: readonly Candidate[]): Set<string> {
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
  const regions = new Set(
    ranked
      .filter(([, v]) => v >= Math.max(1, best / 4))
      .slice(0, MAX_REGIONS)
      .map(([code]) => code),
  );
  return regions;
}

export function inRegion(gazetteer: Gazetteer, division: Division, regions: ReadonlySet<string>): boolean {
  if (division.level === 'province') return true;
  return gazetteer.lineage(division.code).some((d) => regions.has(d.code) && d.code !== division.code) || regions.has(division.code);
}

/** The county-level district a report names most often: the one it is about. */
export function homeCounty(candidates: readonly Candidate[]): string | undefined {
  const counts = new Map<string, number>();
  for (const c of candidates)
    if (c.type === 'District' && c.divisions?.length && c.level === 'county') {
      const full = c.divisions[0]!.name;
      counts.set(full, (counts.get(full) ?? 0) + 1);
    }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}
