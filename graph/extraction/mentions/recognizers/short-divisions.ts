// Short forms of divisions: a township's (闻堰 for 闻堰街道) where the report names it in full,
// and those of provinces, cities and counties (龙湾) within the report's own region.
import type { DistrictLevel } from '../../../model.ts';
import type { Sentence } from '../../normalize/index.ts';
import type { Candidate } from '../candidate.ts';
import type { Gazetteer } from '../gazetteer.ts';
import type { Recognizer } from '../recognizer.ts';
import { inRegion } from '../regions.ts';
import { TOWNSHIP_UNIT } from './divisions.data.ts';
import { zone } from './official-divisions.ts';

export const shortDivisions: Recognizer = {
  name: 'short-divisions',
  stage: 'places',
  needs: ['regions', 'found'],
  sources: { 'short-division': { priority: 40, weight: 2 }, zone: { priority: 75, weight: 3 } },
  inDocument: ({ text, doc, gazetteer, regions, found }, out) =>
    findTownshipShortForms(gazetteer, text, doc.sentences, regions, found, out),
  inSentence: ({ text, gazetteer, regions }, sentence, _index, out) => findShortDivisions(gazetteer, text, sentence, regions, out),
};

/**
 * 闻堰 for 闻堰街道: a township's short form, only in a document that also names it in full
 * (short township names are too often ordinary words to look for everywhere).
 */
function findTownshipShortForms(
  gazetteer: Gazetteer,
  text: string,
  sentences: Sentence[],
  regions: ReadonlySet<string>,
  found: readonly Candidate[],
  out: Candidate[],
): void {
  const shorts = new Map<string, Candidate>();
  for (const c of found) {
    if (c.via !== 'division' || c.level !== 'township' || !c.divisions?.some((d) => inRegion(gazetteer, d, regions))) continue;
    const short = c.name.replace(TOWNSHIP_UNIT, '');
    if (short.length >= 2 && short !== c.name) shorts.set(short, c);
  }
  for (const sentence of sentences) {
    for (const [short, full] of shorts) {
      for (let at = text.indexOf(short, sentence.start); at >= 0 && at + short.length <= sentence.end; at = text.indexOf(short, at + 1)) {
        if (text.startsWith(full.name, at)) continue;
        out.push({
          start: at,
          end: at + short.length,
          type: 'District',
          name: short,
          via: 'short-division',
          divisions: full.divisions,
          level: 'township',
        });
      }
    }
  }
}

const SHORT_FORM_LENGTHS = [5, 4, 3, 2];

function findShortDivisions(gazetteer: Gazetteer, text: string, sentence: Sentence, regions: ReadonlySet<string>, out: Candidate[]): void {
  for (let start = sentence.start; start < sentence.end - 1; start++) {
    if (!gazetteer.shortNameStarts.at(text, start) || !gazetteer.opensAShortName(text, start)) continue;
    for (const length of SHORT_FORM_LENGTHS) {
      const end = start + length;
      if (end > sentence.end) continue;
      const name = text.slice(start, end);
      const named = gazetteer.shortNamed(name);
      if (named.length === 0) continue;
      const divisions = named.filter((d) => inRegion(gazetteer, d, regions));
      if (divisions.length === 0) continue;
      // A short form followed by its own suffix is the full name, already found.
      if (divisions.some((d) => text.startsWith(d.name, start))) break;
      out.push({ start, end, type: 'District', name, via: 'short-division', divisions, level: divisions[0]!.level as DistrictLevel });
      zone(text, sentence, start, end, name, out);
      break;
    }
  }
}
