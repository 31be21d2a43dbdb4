// Villages and communities of the register (GB/T 2260 down to villages), within the report's
// region: right after a district, after a word boundary, or after a word jieba ends there.
import type { Sentence } from '../../normalize/index.ts';
import { CharSet } from '../../text/char-set.ts';
import type { Candidate } from '../candidate.ts';
import type { Gazetteer } from '../gazetteer.ts';
import { BOUNDARY_CHARS, HAN } from '../name-words.ts';
import type { Recognizer } from '../recognizer.ts';
import { inRegion } from '../regions.ts';
import { cut, cutExact } from '../segmenter.ts';
import { NUMBERED_NAME, VILLAGE_END_CHARS } from './divisions.data.ts';

const VILLAGE_END = new CharSet(VILLAGE_END_CHARS);

export const villages: Recognizer = {
  name: 'villages',
  stage: 'places',
  needs: ['regions', 'district-ends'],
  sources: { village: { priority: 72, weight: 3 } },
  inSentence: ({ text, gazetteer, regions, districtEnds }, sentence, _index, out) =>
    findVillages(gazetteer, text, sentence, regions, districtEnds, out),
};

function findVillages(
  gazetteer: Gazetteer,
  text: string,
  sentence: Sentence,
  regions: ReadonlySet<string>,
  districtEnds: ReadonlySet<number>,
  out: Candidate[],
): void {
  for (let end = sentence.start + 3; end <= sentence.end; end++) {
    if (!VILLAGE_END.at(text, end - 1)) continue;
    // The names ending here, longest first; the index of name endings bounds the search.
    let longest = 2;
    while (longest < Math.min(10, end - sentence.start) && gazetteer.endsAName(text.slice(end - longest - 1, end))) longest++;
    for (let length = longest; length >= 2; length--) {
      const start = end - length;
      // A two-character village (余村) only right after its township (天荒坪镇余村): alone, too many words end so.
      if (length === 2 && !districtEnds.has(start)) continue;
      const name = text.slice(start, end);
      const divisions = gazetteer.named(name).filter((d) => d.level === 'village' && inRegion(gazetteer, d, regions));
      if (divisions.length === 0) continue;
      // A name starts at a boundary: 第二社区 inside 芦浦第二社区 is not a village of its own, but
      // 黄杜村 after 周边 is, as jieba ends a word of its own there.
      if (
        start > sentence.start &&
        HAN.test(text[start - 1]!) &&
        !districtEnds.has(start) &&
        !BOUNDARY_CHARS.has(text[start - 1]!) &&
        !startsAfterWord(text, sentence, start, name)
      )
        break;
      out.push({ start, end, type: 'Village', name, via: 'village', divisions });
      break;
    }
  }
}

/**
 * True when jieba ends a word of two or more characters right before `start`, and the name is
 * neither a numbered one (第二社区) that is usually the tail of a longer name nor a word of
 * jieba's dictionary (实施城中村改造): villages are rarely in it.
 */
function startsAfterWord(text: string, sentence: Sentence, start: number, name: string): boolean {
  if (NUMBERED_NAME.test(name) || cutExact(name).length === 1) return false;
  const from = Math.max(sentence.start, start - 6);
  let at = from;
  for (const word of cut(text.slice(from, start + name.length))) {
    at += word.length;
    if (at === start) return word.length >= 2;
    if (at > start) return false;
  }
  return false;
}
