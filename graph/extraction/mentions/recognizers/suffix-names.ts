// Names ending in a type suffix (有限公司, 试点, 协会, 改革…), cut on the left with jieba's words
// and tags: a name runs leftwards from its suffix until a word that cannot be part of one.
import type { Sentence } from '../../normalize/index.ts';
import {
  GENERIC_MODIFIERS,
  LEFT_STOPWORDS,
  NATURAL_PLACE_SUFFIXES,
  SUFFIX_RULES,
  UNQUOTED_PROGRAM_SUFFIXES,
  suffixRule,
  suffixesIn,
  typeBySuffix,
  type SuffixRule,
} from '../../lexicon/entity-suffixes.ts';
import type { Candidate } from '../candidate.ts';
import { BOUNDARY_CHARS, COUNTED_PHRASE, HAN, PROPER_NAME_TAGS, PROPER_TAGS, canBeInName, endsWithOrdinaryWord } from '../name-words.ts';
import type { Recognizer } from '../recognizer.ts';
import { afterLastStop, cutExact, isDomainWord, tag } from '../segmenter.ts';
import {
  BUILDING_VERBS,
  COUNTED_BEFORE,
  FIRM_BUSINESSES,
  GOVERNMENT_LEVELS,
  JOINT_ACTIONS,
  LONG_REACH,
  PEOPLE_OF,
  PILOT_SCOPE,
  POST,
  SCOPED_DESIGNATION,
  SHORT_REACH,
} from './suffix-names.data.ts';

const CHAINED_AUTHORITIES = /[省市县区]委[省市县区]?政府$/;
const BATCH = /^第[一二三四五六七八九十\d]+批/;
// Titles too generic to name an organization alone (人民政府 of which place?).
const GENERIC_TITLES = new Set(['人民政府', '委员会', '办公室', '领导小组', '工作专班']);

export const suffixNames: Recognizer = {
  name: 'suffix-names',
  stage: 'names',
  needs: ['found-in-sentence'],
  sources: { suffix: { priority: 50, weight: 1 } },
  inSentence: ({ text, foundIn }, sentence, index, out) => findSuffixNames(text, sentence, foundIn(index), out),
};

/** Names anchored on a type suffix, extended leftwards word by word until a word that cannot be in one. */
function findSuffixNames(text: string, sentence: Sentence, found: readonly Candidate[], out: Candidate[]): void {
  const hits = suffixesIn(text, sentence.start, sentence.end);
  const first = hits.next();
  // Most sentences end no name with a suffix: what was found there need not be sorted out then.
  if (first.done) return;
  const marked = found.filter((c) => c.via === 'quote' || c.via === 'book');
  const districts = found.filter((c) => c.type === 'District');
  const divisions = districts.filter((d) => d.via === 'division');
  const places = found.filter((d) => (d.type === 'District' || d.type === 'Village') && d.via !== 'suffix');
  const villagesFound = places.filter((d) => d.type === 'Village');
  const persons = found.filter((d) => d.type === 'Person');
  for (let hit: IteratorResult<{ at: number; rule: SuffixRule }> = first; !hit.done; hit = hits.next()) {
    const { at: suffixStart, rule } = hit.value;
    const suffix = rule.suffix;
    const end = suffixStart + suffix.length;
    // Cheap refusals first: nothing to qualify the suffix, or a span quotation marks already name.
    const numbered = rule.type === 'Place' && /\d/.test(text[suffixStart - 1] ?? '');
    if ((!HAN.test(text[suffixStart - 1] ?? '') && !numbered) || marked.some((c) => c.start <= suffixStart && end <= c.end)) continue;
    // Other program suffixes (平台, 系统, 体系…) end too many ordinary phrases: without quotation
    // marks they name a program only when something proper names it (龙港一窗受理平台).
    const needsProperName = rule.type === 'Program' && !UNQUOTED_PROGRAM_SUFFIXES.has(rule.suffix);
    // 局 in 副局长 ends no name: a one-character suffix followed by 长 is part of a post.
    if (suffix.length === 1 && text[end] === '长') continue;
    // 乡村经营局面: nor one that begins a word with the character after it.
    if (
      suffix.length === 1 &&
      rule.type === 'Organization' &&
      HAN.test(text[end] ?? '') &&
      cutExact(text.slice(suffixStart, end + 1)).length === 1
    )
      continue;
    // 天河 in 天河街道 is not a river: a name never ends inside an official division's name.
    if (divisions.some((d) => d.start < end && end < d.end)) continue;
    if (NATURAL_PLACE_SUFFIXES.has(suffix)) {
      const place = naturalPlace(text, sentence, end, districts);
      if (place) out.push({ ...place, type: 'Place', via: 'suffix' });
      continue;
    }
    // Most names are short: segment a short reach first, and a long one only when the name may run on past it.
    let reading = readNameBefore(text, sentence, suffixStart, rule, numbered, districts, SHORT_REACH);
    if (reading?.mayRunOn) reading = readNameBefore(text, sentence, suffixStart, rule, numbered, districts, LONG_REACH);
    if (!reading) continue;
    const { words, modifiers, properPart } = reading;
    let { start } = reading;
    // 瑞金—于都产业园: a dash between two places pairs them; it does not start a name.
    while (/[—–\-－]/.test(text[start] ?? '') && start < suffixStart) start++;
    // 上坑村党总支-style names, jieba cutting a character off the village: an organization's or firm's name never starts
    // inside the name of a place; it takes the whole place.
    const cutPlace =
      rule.type === 'Organization' || rule.type === 'Company' ? places.find((p) => p.start < start && start < p.end) : undefined;
    if (cutPlace) {
      modifiers.unshift(text.slice(cutPlace.start, start));
      start = cutPlace.start;
    }
    // 科技部, 社建委 alone, after a pause or a preposition (被农业农村部): an organization named by its own title.
    const bareTitle =
      rule.type === 'Organization' &&
      suffix.length >= 3 &&
      !GENERIC_TITLES.has(suffix) &&
      start === end - suffix.length &&
      (start === sentence.start || /[、，,。；;：:（(\s]/.test(text[start - 1]!) || BOUNDARY_CHARS.has(text[start - 1]!));
    // 国家发改委, 省委: a level of government is qualifier enough for an organization.
    const scoped = rule.type === 'Organization' && modifiers.length > 0 && modifiers.every((w) => GOVERNMENT_LEVELS.has(w));
    if (!bareTitle && !scoped && (modifiers.length === 0 || modifiers.every((w) => GENERIC_MODIFIERS.has(w)))) continue;
    // A place the report names inside the name (壶镇 of 壶镇智能装备产业园).
    const placed = places.some((d) => d.start >= start && d.end <= suffixStart);
    // A village or place is named after somewhere or someone (湖前, 正泰, 2049, 壶镇): a phrase of
    // ordinary words (新建小区, 民办博物馆) is a description.
    const named = properPart || placed || words.some((w) => modifiers.includes(w.word) && PROPER_TAGS.test(w.tag));
    if ((rule.type === 'Village' || rule.type === 'Place') && !named) continue;
    if (needsProperName) {
      const coined = words.some((w) => modifiers.includes(w.word) && PROPER_NAME_TAGS.test(w.tag) && !isDomainWord(w.word));
      if (!placed && !coined) continue;
    }
    // 某村某某自然村: a village's name starts after the village it lies in.
    if (rule.type === 'Village') {
      const village = villagesFound.findLast((v) => v.end > start && v.end <= suffixStart && v.start >= start);
      if (village) start = village.end;
    }
    const name = text.slice(start, end);
    // 张三代表县委: a person named inside is no part of an organization's name.
    if (persons.some((p) => p.start >= start && p.end <= suffixStart)) continue;
    // 第二批未来社区: a batch of communities, not one.
    if (rule.type === 'Village' && BATCH.test(name)) continue;
    if (COUNTED_PHRASE.test(name)) continue; // 七大机制, 三大印刷基地: a count of things
    // 某市委市政府: a party committee and a government, each named on its own (local-authorities).
    if (rule.type === 'Organization' && CHAINED_AUTHORITIES.test(name)) continue;
    if (
      rule.type !== 'Pilot' &&
      rule.type !== 'Program' &&
      COUNTED_BEFORE.test(text.slice(Math.max(sentence.start, start - 4), start + (/^[所个家座条处名]/.test(name) ? 1 : 0)))
    )
      continue;
    // 省财政厅 is a name; 新局 is not: short suffixes need a longer qualifier.
    // 市侨联: a level of government qualifies a suffix of two characters or more on its own.
    if ((!bareTitle && !(scoped && suffix.length >= 2) && name.length - suffix.length < (suffix.length >= 3 ? 1 : 2)) || name.length > 28)
      continue;
    // 最美小镇——龙坞茶镇: what a dash pair introduces is the name.
    const dash = name.lastIndexOf('——');
    if (dash >= 0) {
      if (name.length - dash - 2 > suffix.length)
        out.push({ start: start + dash + 2, end, type: rule.type, name: name.slice(dash + 2), via: 'suffix' });
      continue;
    }
    if (rule.type === 'Pilot') {
      // 高质量发展建设共同富裕示范区 names 共同富裕示范区, with how it is being built in front.
      // One that opens with its scope (全国首批…建设用地入市试点县) is a designation's full name.
      const built = !SCOPED_DESIGNATION.test(name) && /^.*(?:建设|打造|创建|争创|推进)(?=.{5,}$)/.exec(name);
      if (built) {
        out.push({ start: start + built[0].length, end, type: 'Pilot', name: name.slice(built[0].length), alias: name, via: 'suffix' });
        continue;
      }
    }
    out.push({ start, end, type: rule.type, name, via: 'suffix', ...(rule.type === 'District' ? { level: 'zone' as const } : {}) });
  }
}

/**
 * The words before a suffix that can be part of its name, read leftwards from the suffix over
 * the `reach` characters before it; undefined when the suffix does not end a word or the word
 * after it continues an organization's name. `mayRunOn` when the reading ran into the window's
 * start, which cut the text.
 */
function readNameBefore(
  text: string,
  sentence: Sentence,
  suffixStart: number,
  rule: SuffixRule,
  numbered: boolean,
  districts: readonly Candidate[],
  reach: number,
) {
  const suffix = rule.suffix;
  const end = suffixStart + suffix.length;
  const reachStart = Math.max(sentence.start, suffixStart - reach);
  // No name runs on across punctuation: the window starts after the last mark when there is one.
  const windowStart = afterLastStop(text, reachStart, suffixStart);
  const words = tag(text.slice(windowStart, end));
  // The last word must end exactly with the suffix; 格局 is not a 局.
  const last = words[words.length - 1];
  if (!last || (!last.word.endsWith(suffix) && !suffix.endsWith(last.word)) || endsWithOrdinaryWord(last.word)) return undefined;
  // An organization's name is not followed by another noun (省政府督察激励), except a post.
  if (rule.type === 'Organization' && continuesAsNoun(text.slice(end, Math.min(sentence.end, end + 6)))) return undefined;
  let start = end - last.word.length;
  const modifiers: string[] = last.word.length > suffix.length ? [last.word.slice(0, last.word.length - suffix.length)] : [];
  // 推进改革, jieba's one word: a verb glued to the suffix opens a clause, it names nothing.
  if (modifiers.length > 0 && LEFT_STOPWORDS.has(modifiers[0]!)) return undefined;
  // The part of a word that straddles a district's end, when the word is a proper one.
  let properPart: string | undefined;
  // A window cut mid-text may have cut its first word: never take it.
  const first = windowStart === reachStart && windowStart > sentence.start ? 1 : 0;
  let k = words.length - 2;
  for (; k >= first; k--) {
    const { word, tag: pos } = words[k]!;
    // 全省数字化改革样板, 首批…示范点: a pilot's name includes its scope.
    const scope = rule.type === 'Pilot' && PILOT_SCOPE.has(word);
    // 浙江省3A级景区村庄: a grade belongs to the pilot's name.
    const grade = rule.type === 'Pilot' && /^\d+[A-Z]+$/.test(word);
    // 由区共富领导小组: jieba glues a preposition (and what precedes it) to a bare 区; the 区 is still the name's.
    if (word.length >= 2 && BOUNDARY_CHARS.has(word.at(-2)!) && '区市县省'.includes(word.at(-1)!) && (word.length === 2 || pos === 'x')) {
      start -= 1;
      modifiers.unshift(word.at(-1)!);
      break;
    }
    // 2049公园: a place may be named by a number written right before its suffix.
    if (numbered && k === words.length - 2 && modifiers.length === 0 && /^\d{2,4}$/.test(word)) {
      start -= word.length;
      modifiers.unshift(word);
      break;
    }
    // 经济和信息化局, 人力资源和社会保障局: a bureau named after two fields joined by 和.
    // Not 县残联和市科协: a name that is whole before 和 is another organization.
    if (
      word === '和' &&
      rule.type === 'Organization' &&
      modifiers.length > 0 &&
      k > first &&
      /^(?:n|vn|nz)$/.test(words[k - 1]!.tag) &&
      typeBySuffix(words[k - 1]!.word)?.type !== 'Organization' &&
      suffixRule(words[k - 1]!.word)?.type !== 'Organization'
    ) {
      start -= word.length;
      modifiers.unshift(word);
      continue;
    }
    // 旅游开发有限公司, 城市建设投资集团: a firm's name says what business it is in.
    const business = rule.type === 'Company' && FIRM_BUSINESSES.has(word);
    if (!scope && !grade && !business && (!canBeInName(word, pos, words[k + 1]?.word) || (rule.type !== 'Pilot' && /\d|^年/.test(word))))
      break;
    // 建设梅山港区: what is built is a place; the building is not in its name.
    if (BUILDING_VERBS.has(word) && (rule.type === 'Place' || rule.type === 'Village')) break;
    const wordStart = start - word.length;
    // Programs and villages do not take the name of the district they are in or run by; of
    // 镇吉鸿 (jieba's cut of 三墩镇吉鸿未来社区) they keep what follows the district.
    const district = districts.find((d) => d.start <= wordStart && d.end > wordStart);
    if ((rule.type === 'Program' || rule.type === 'Village') && district) {
      if (district.end < start) {
        modifiers.unshift(text.slice(district.end, start));
        start = district.end;
        if (PROPER_TAGS.test(pos)) properPart = modifiers[0]!;
      }
      break;
    }
    start = wordStart;
    modifiers.unshift(word);
  }
  // 米市巷街道左家新村社区: right after a district, a village's name runs up to the district's end,
  // however jieba cuts a name it does not know (左 m, 家 q): into single characters that are no
  // particles, prepositions or verbs, and words it tags as unknown or proper.
  if (rule.type === 'Village') {
    let at = start;
    for (let j = k; j >= first && !districts.some((d) => d.end === at); j--) {
      const { word, tag: pos } = words[j]!;
      const unknown = word.length === 1 ? !BOUNDARY_CHARS.has(word) && !/^(?:p|c|u\w*|r|d|v|f)$/.test(pos) : /^(?:x|nr|ns|nz)$/.test(pos);
      if (!HAN.test(word) || !unknown || districts.some((d) => d.start < at && d.end > at - word.length)) break;
      at -= word.length;
    }
    if (at < start && districts.some((d) => d.end === at) && start - at <= 4) {
      properPart = text.slice(at, start);
      modifiers.unshift(properPart);
      start = at;
    }
  }
  // Every word down to the window's cut could be in the name: it may start further left.
  const mayRunOn = first === 1 && k < first;
  return { words, start, modifiers, properPart, mayRunOn };
}

function continuesAsNoun(after: string): boolean {
  if (!after || POST.test(after)) return false;
  const [next] = tag(after);
  // 区委社建委: one organization right after another is a chain of them, not a longer noun.
  if (next && SUFFIX_RULES.some((r) => r.type === 'Organization' && next.word.endsWith(r.suffix))) return false;
  // 闻堰幼儿园家长: the people of an organization follow its name; they do not extend it.
  if (next && PEOPLE_OF.test(next.word)) return false;
  // 与浙江工业大学合作: what two parties do together follows their names.
  if (next && JOINT_ACTIONS.has(next.word)) return false;
  // 人民政府印发, 组织部开展活动: a verb that opens a clause never extends a name, even where jieba
  // tags it a noun or glues it to its object as one phrase.
  if (next && (LEFT_STOPWORDS.has(next.word) || LEFT_STOPWORDS.has(next.word.slice(0, 2)))) return false;
  return next !== undefined && /^(?:n|vn|nz|l)$/.test(next.tag) && next.word.length >= 2;
}

/**
 * 鄱阳湖, 楠溪江, 仙女湖: a natural place is one proper name jieba knows as a place (three
 * characters or more), or a two-character one with the unknown character jieba left before it;
 * never a division or its short form (浙江, 西湖).
 */
function naturalPlace(
  text: string,
  sentence: Sentence,
  end: number,
  districts: readonly Candidate[],
): { start: number; end: number; name: string } | undefined {
  const words = tag(text.slice(Math.max(sentence.start, afterLastStop(text, Math.max(sentence.start, end - 8), end)), end));
  const last = words.at(-1);
  if (!last || !/^(?:ns|nr|nz)$/.test(last.tag)) return undefined;
  let start = end - last.word.length;
  const before = words.at(-2);
  if (last.word.length === 2 && before && before.word.length === 1 && /^(?:zg|x|ng)$/.test(before.tag)) start -= 1;
  if (end - start < 3 || districts.some((d) => d.start < end && start < d.end)) return undefined;
  return { start, end, name: text.slice(start, end) };
}
