// Finds entity mentions in one normalized document: book titles, quoted names, official divisions,
// suffix-anchored names, titled persons, and the outlets and people the page credits.
import type { DistrictLevel, EntityType } from '../model.ts';
import { sentenceIndexAfter, type NormalizedText, type Sentence, type Span } from '../normalize/index.ts';
import { CharSet } from '../normalize/char-set.ts';
import { WordTable } from '../normalize/word-table.ts';
import {
  DESIGNATION_HEADS, DOCUMENT_SUFFIXES, GENERIC_MODIFIERS, LEFT_STOPWORDS, ORDINARY_WORDS, PERSON_TITLES, SUFFIX_RULES, UNQUOTED_PROGRAM_SUFFIXES, suffixRule, suffixesIn, typeBySuffix, type SuffixRule,
} from '../lexicon/entity-suffixes.ts';
import { personNameLength } from '../lexicon/person-names.ts';
import { surnameLength } from '../lexicon/surnames.ts';
import type { Division, Gazetteer } from './gazetteer.ts';
import { afterLastStop, beforeFirstStop, cut, cutExact, isDomainWord, tag } from './segmenter.ts';
import { isPolicyWord } from '../lexicon/domain-words.ts';

export type MentionSource = 'book' | 'designation' | 'quote' | 'division' | 'short-division' | 'zone' | 'village' | 'suffix' | 'person' | 'outlet' | 'credit' | 'known';

export interface Candidate extends Span {
  type: EntityType;
  /** The name as the text writes it (simplified, without quote marks). */
  name: string;
  /** Another name the same mention supports (the quoted part of “三点半”课堂). */
  alias?: string;
  via: MentionSource;
  /** Official divisions the name may denote, for districts and villages. */
  divisions?: Division[];
  level?: DistrictLevel;
  /** The post before a person's name (书记), or the credit (reporter). */
  title?: string;
}

const HAN = /\p{Script=Han}/u;
// Characters after which a name may start: prepositions, particles and conjunctions.
const BOUNDARY_CHARS = new Set([...'在的和与及到从对向由将把被为是了即如于至']);
const NAME_CHAR = /[\p{Script=Han}A-Za-z0-9+·—\-]/u;
const QUOTE_PAIRS: Record<string, string> = { '“': '”', '「': '」', '『': '』', '‘': '’' };
const QUOTE_OPENERS = new CharSet(Object.keys(QUOTE_PAIRS));
const ENUMERATION = /((?:[\p{Script=Han}A-Za-z0-9+·]{2,16}、)+[\p{Script=Han}A-Za-z0-9+·]{2,12})等(?:\d+余?|[一二三四五六七八九十两几]+)?[个项大类种批]?[\p{Script=Han}]{0,6}?(?:项目|品牌|平台|应用|行动|工程|活动|模式|机制|场景)/gu;
// “三大差距”, “两大变量”, “三重压力”: a count of things, not a name.
// A verb of selection, an optional batch (首批, 第一批) and the designation up to the clause's end.
const DESIGNATION = /(入选|列入|被列为|列为|获评|被评为|评为|命名为|认定为|确定为|获批|创成|荣获|中榜|成为|获)(?:了)?(?:首批|第[一二三四五六七八九十\d]+批)?([\p{Script=Han}A-Za-z0-9·“”"]+?)(?=[，,。；;：:、！？（(]|并|和|$)/gu;
// A verb of issuing and its objects up to the clause's end (《》 titles are read on their own).
const ISSUED_OBJECTS = /(?:印发|出台|制定|编制|下发|颁布)(?:了|实施)?([\p{Script=Han}A-Za-z0-9·“”"‘’+\-、]+?)(?=[，,。；;：:！？（(《]|$)/gu;
const DOCUMENT_AT_END = new RegExp(`(?:${DOCUMENT_SUFFIXES.join('|')})$`);
// After a bare 获 (获得 money, 获 praise…) only prizes count.
const BARE_AWARD_HEADS = ['奖', '激励', '称号'];
// “三个一批”, 六大领域重大改革, 三大印刷基地: a count of things, not the name of one.
const COUNTED_PHRASE = /^[二三四五六七八九十两]+[个大重项类张条]/u;
// 15所淳安学校, 50家域内外商会: a counted noun is a kind of thing, not one of them.
const COUNTED_BEFORE = /[\d一二三四五六七八九十两百千]+[所个家座条处名]?$/u;
const NAMED_MODEL_AFTER = /^\p{Script=Han}{0,2}?(?:格局|架构|框架|模式|机制|体系)/u;
const TITLE_AFTER_QUOTES = /^(?:[“"][^”"]{1,20}[”"]|、)*(?:等)?(?:之称|的称号|称号|的美誉|美誉)/;
const SPEECH = /[。！？；!?;]|我们|你们|我|你/;

const DOCUMENT_SUFFIX = new RegExp(`^[\\p{Script=Han}A-Za-z0-9]{0,8}?(?:${DOCUMENT_SUFFIXES.join('|')})`, 'u');
// Titles looked up by their first character: one alternation of them all is slow to fail at every position.
const PERSON_TITLE_WORDS = new WordTable(PERSON_TITLES);
const TERMS_OF_ADDRESS = ['大爷', '大妈', '大伯', '大叔', '大姐', '阿姨', '奶奶', '爷爷', '阿婆', '老伯'];
const SURNAME_AND_TERM_OF_ADDRESS = new RegExp(`(?<=老人|村民|居民|[\\s，,。：:“"、])(\\p{Script=Han})(${TERMS_OF_ADDRESS.join('|')})`, 'gu');
const POSTS_AFTER_NAME = ['书记', '省长', '市长', '区长', '县长', '镇长', '主任', '局长', '部长', '厅长'];
const NAME_BEFORE_POST = new RegExp(`(?<=^|[\\s，,。：:“”"、（(获由请向经据让与和对给被])(\\p{Script=Han}{2,4}?)(?=${POSTS_AFTER_NAME.join('|')})`, 'gu');
const SPEECH_VERBS = ['说', '表示', '介绍', '告诉记者', '坦言'];
const LOCAL_AUTHORITY = /(?<=^|[^\p{Script=Han}]|[在由经自从对向与和及、获到委府])(区|市|县|省)(委|政府)(?!书记|副书记|常委)/gu;
const NAME_BEFORE_SPEECH = new RegExp(`(?<=^|[\\s，,。：:“”"、（(])(\\p{Script=Han}{2,4}?)(?=${SPEECH_VERBS.join('|')})`, 'gu');
// Registered names that are also ordinary words (阳泉市城区, 苏州工业园区).
const GENERIC_DIVISION_NAMES = new Set(['城区', '郊区', '矿区', '市区', '新区', '街道', '开发区', '工业园区', '高新区', '经济开发区']);
const DIVISION_END = new CharSet('省市区县镇乡道旗盟州');
const VILLAGE_END = new CharSet('村区');
const ZONE = /^(?:高新技术产业开发区|经济技术开发区|经济开发区|高新区|开发区|经开区|新区|产业集聚区)/;
// How many provinces, cities and counties at most make up a report's region.
const MAX_REGIONS = 9;
// How far before a suffix its name is looked for: a short reach first, the long one only when the
// name fills the short one (names are rarely over 20 characters).
const SHORT_REACH = 12;
const LONG_REACH = 24;

function tailSuffix(text: string, from: number, limit: number): { end: number; type: EntityType } | undefined {
  const document = DOCUMENT_SUFFIX.exec(text.slice(from, Math.min(limit, from + 12)));
  if (document) return { end: from + document[0].length, type: 'Document' };
  // The tail ends at the first punctuation mark: its words are those of the whole text.
  const tail = text.slice(from, beforeFirstStop(text, from, Math.min(limit, from + 12)));
  // Most quotes have no tail: segment only when a suffix is there to be found.
  if (!HAN.test(tail[0] ?? '') || suffixesIn(tail, 0, tail.length).next().done) return undefined;
  // A short tail ending in a type suffix continues the quoted name: “三点半”课堂.
  // jieba's tag segments as its cut does: one call gives the words and their parts of speech.
  let length = 0;
  let best: { end: number; type: EntityType } | undefined;
  for (const { word, tag: pos } of tag(tail).slice(0, 4)) {
    // “西湖模式”得到省委…: a verb ends the tail; the name does not run on into the clause.
    if (!HAN.test(word) || LEFT_STOPWORDS.has(word) || (pos === 'v' && !NAME_VERBS.has(word) && !suffixRule(word))) break;
    length += word.length;
    if (endsWithOrdinaryWord(word)) continue; // 工作格局 ends with 局 but names no bureau
    const rule = SUFFIX_RULES.find((r) => word.endsWith(r.suffix));
    if (rule && rule.type !== 'Village') best = { end: from + length, type: rule.type };
  }
  return best;
}

/**
 * One word of jieba's general dictionary (格局, 乡村), unless it is a proper noun there (党建网 nz):
 * quoted, such a word or idiom (“美好生活”, “小打小闹”) is emphasis, not a name.
 */
export function isOrdinaryWord(phrase: string): boolean {
  if (isDomainWord(phrase) || cutExact(phrase).length !== 1) return false;
  const [word] = tag(phrase);
  return !(word && word.word === phrase && /^(?:nz|nt|nr|ns|x|eng)$/.test(word.tag));
}

/**
 * The type of a quoted name. Quotation marks a coined name, so one that ends like a village or a
 * place (“未来乡村”, “文化+社区”) is a program; a pilot, organization or company suffix still counts.
 */
function quoteType(name: string): EntityType {
  if (DOCUMENT_SUFFIXES.some((suffix) => name.endsWith(suffix) && name.length > suffix.length + 1)) return 'Document';
  const rule = typeBySuffix(name);
  // “共富工坊”, “共富超市”: a firm's suffix after policy vocabulary alone names a campaign's brand, not a firm.
  if (rule?.type === 'Company' && isPolicyWord(name.slice(0, -rule.suffix.length))) return 'Program';
  const type = rule?.type;
  return type === 'Pilot' || type === 'Organization' || type === 'Company' ? type : 'Program';
}

// Verbs that carry out, build or launch something, and what follows a program's name.
const CARRIED_OUT = /实施|推进|推行|推出|推广|开展|上线|开发|构建|建设|建成|建立|搭建|启动|打造|深化|探索|创新|迭代|升级|落地|接入|开设|设立|成立|组建|出台|印发|运用|依托|基于|借助|实践|试行|部署|实现|开通|发布|引入|投用|定为/;
const AFTER_PROGRAM = new RegExp(`^(?:[、“”"‘’和与及等]|改革|模式|机制|品牌|应用|场景|系列|工作|重点|项目|平台|理念|体系|活动|服务|建设|改造|方面|入选|中榜|获|列为|被|成为|覆盖|让|为|${CARRIED_OUT.source})`);
// 首个“智慧护学岗”, 首个项目“全自动稳频半导体激光产业化”: a first of its kind, or a program named in apposition.
const BEFORE_PROGRAM = /(?:[、”’和与及如]|首个|首家|首支|项目|品牌|应用|平台|工程|活动|行动)$/;

/**
 * Quotation marks set off programs (实施“先投后股”), but also figures of speech (勇闯改革“深水区”,
 * 打好“治理仗”, “脑袋富了”). A quoted phrase names a program when its clause carries something
 * out, or when it stands in a list or before what a program does or is.
 */
function namesSomethingDone(text: string, sentence: Sentence, open: number, close: number): boolean {
  let clauseStart = open;
  while (clauseStart > sentence.start && !/[，,；;。：:！？]/.test(text[clauseStart - 1]!)) clauseStart--;
  const before = text.slice(clauseStart, open);
  // 从‘分散执法’向‘集中执法’: the two ends of a change, not programs.
  if (/(?:从|由|[”’](?:向|到))$/.test(before) || /^[”’]?(?:向|到)[“‘]/.test(text.slice(close + 1, close + 4))) return false;
  if (CARRIED_OUT.test(before) || BEFORE_PROGRAM.test(before)) return true;
  return AFTER_PROGRAM.test(text.slice(close + 1, Math.min(sentence.end, close + 4)));
}

/** Splits “一网智配、一网通管、一网通办” into its items when they share a beginning. */
function splitList(inner: string, start: number): Array<{ name: string; start: number }> {
  const parts = inner.split('、');
  // Two items are one slogan (“群众吹哨、党员报到”); three sharing a start are a family of names.
  if (parts.length < 3) return [{ name: inner, start }];
  const sharedStart = parts.every((p) => p[0] === parts[0]![0]);
  if (!sharedStart) return [];
  const out: Array<{ name: string; start: number }> = [];
  let offset = start;
  for (const part of parts) {
    out.push({ name: part, start: offset });
    offset += part.length + 1;
  }
  return out;
}

export class MentionFinder {
  constructor(private readonly gazetteer: Gazetteer) {}

  /** All candidate mentions of a document, overlapping; {@link selectMentions} picks among them. */
  find(doc: NormalizedText): Candidate[] {
    const text = doc.analysis.text;
    const candidates: Candidate[] = [];
    for (const sentence of doc.sentences) {
      this.bookTitles(text, sentence, candidates);
      this.quotes(text, sentence, candidates);
      this.designations(text, sentence, candidates);
      this.headquarters(text, sentence, candidates);
      this.issuedDocuments(text, sentence, candidates);
      this.divisions(text, sentence, candidates);
      this.persons(text, sentence, candidates);
    }
    const regions = this.documentRegions(candidates);
    this.townshipShortForms(text, doc.sentences, regions, candidates);
    for (const province of new Set([...regions].map((code) => code.slice(0, 2)))) this.gazetteer.loadVillages(province);
    // Where districts end: a village's name may start right after one (芦浦第二社区).
    const districtEnds = new Set(candidates.filter((c) => c.type === 'District').map((c) => c.end));
    for (const sentence of doc.sentences) {
      const count = candidates.length;
      this.shortDivisions(text, sentence, regions, candidates);
      for (const c of candidates.slice(count)) if (c.type === 'District') districtEnds.add(c.end);
      this.villages(text, sentence, regions, districtEnds, candidates);
    }
    // The report's own district, for 区委 and 区共富领导小组: the places are all found by now.
    const home = homeCounty(candidates);
    this.localAuthorities(text, doc.sentences, home, candidates);
    // What suffix names are checked against, found by now: quoted spans, districts and places.
    const before = bySentence(doc.sentences, candidates);
    for (const [index, sentence] of doc.sentences.entries()) {
      this.suffixNames(text, sentence, before[index]!, candidates);
      this.enumerations(text, sentence, candidates);
    }
    qualifyLocalOrganizations(candidates, home);
    for (const outlet of doc.metadata.outlets) candidates.push({ ...outlet, type: 'Organization', via: 'outlet' });
    for (const credit of doc.metadata.credits) candidates.push({ start: credit.start, end: credit.end, name: credit.name, type: 'Person', via: 'credit', title: credit.role });
    return candidates;
  }

  private bookTitles(text: string, sentence: Sentence, out: Candidate[]): void {
    const body = text.slice(sentence.start, sentence.end);
    for (const m of body.matchAll(/《([^《》]{2,60})》/g)) {
      const start = sentence.start + m.index;
      const name = m[1]!.replace(/[“”"‘’「」]/g, '').trim();
      // 《浙江日报》 is a newspaper, an organization; other titles are documents.
      const type = /(?:日报|晚报|时报|周报|报)$/.test(name) ? 'Organization' : 'Document';
      if (name.length >= 2) out.push({ start, end: start + m[0].length, type, name, via: 'book' });
    }
  }

  private quotes(text: string, sentence: Sentence, out: Candidate[]): void {
    for (let open = sentence.start; open < sentence.end; open++) {
      if (!QUOTE_OPENERS.at(text, open)) continue;
      const closeMark = QUOTE_PAIRS[text[open]!]!;
      const close = text.indexOf(closeMark, open + 1);
      if (close < 0 || close >= sentence.end) continue;
      const start = open + 1;
      const inner = text.slice(start, close);
      // “12619”小河长培育计划: a number in quotation marks is a name only with the words after it.
      const code = /^\d+$/.test(inner) && tailSuffix(text, close + 1, sentence.end);
      if (code && code.type === 'Program') {
        out.push({ start, end: code.end, type: 'Program', name: inner + text.slice(close + 1, code.end), via: 'quote' });
        open = close;
        continue;
      }
      // Speech is not skipped but read on inside: the names it quotes in turn (‘浙里办’) are names.
      if (inner.length < 2 || inner.length > 24 || inner.trim() !== inner || SPEECH.test(inner) || /^[\d.%]+$/.test(inner)) continue;
      open = close;
      if (/[,，：:]/.test(inner) && inner.length > 12) continue;
      if (isPolicyWord(inner) || COUNTED_PHRASE.test(inner)) continue;
      const tail = tailSuffix(text, close + 1, sentence.end);
      if (tail) {
        const name = inner + text.slice(close + 1, tail.end);
        const tailText = text.slice(close + 1, tail.end);
        const tailQualified = tailText.length >= 6 || cut(tailText).slice(0, -1).some((w) => !GENERIC_MODIFIERS.has(w));
        if (tail.type === 'Pilot' && tailText.length >= 4 && tailQualified) {
          // “读行乐清”国家级文旅融合试点: a program, then the pilot it was selected for.
          out.push({ start: close + 1, end: tail.end, type: 'Pilot', name: tailText, via: 'quote' });
          out.push({ start, end: close, type: quoteType(inner), name: inner, via: 'quote' });
        } else if (tail.type === 'Document' || tail.type === 'Pilot') {
          // “未来城区”行动方案 names a document and, inside it, a program.
          out.push({ start, end: tail.end, type: tail.type, name, via: 'quote' });
          if (inner.length >= 3) out.push({ start, end: close, type: quoteType(inner), name: inner, via: 'quote' });
        } else {
          out.push({ start, end: tail.end, type: tail.type, name, alias: inner, via: 'quote' });
        }
        continue;
      }
      if (inner.length < 3) continue;
      // 有“中国印刷城”“中国礼品城”之称: quoted titles a place is known by.
      const title = TITLE_AFTER_QUOTES.test(text.slice(close + 1, sentence.end));
      // “岭底山珍”等7家: 家 counts businesses.
      const business = /^等(?:\d+|[一二三四五六七八九十两]+)家/.test(text.slice(close + 1, close + 6));
      if (!title && !business && quoteType(inner) === 'Program' && !namesSomethingDone(text, sentence, start - 1, close)) continue;
      // After the cheap checks, as it segments the phrase. “三位一体”工作格局: an everyday phrase
      // quoted as the name of a model or set-up is a name all the same.
      if (isOrdinaryWord(inner) && !NAMED_MODEL_AFTER.test(text.slice(close + 1, close + 5))) continue;
      for (const item of splitList(inner, start)) {
        if (item.name.length < 2) continue;
        const type = title ? 'Pilot' : business ? 'Company' : quoteType(item.name);
        out.push({ start: item.start, end: item.start + item.name.length, type, name: item.name, via: 'quote' });
      }
    }
  }

  /**
   * What follows a verb of selection up to the clause's end, when it ends like a designation:
   * 获评全国文明村, 入选“万企兴万村”省级实验项目, 列入浙江省第八批小微企业园认定名单.
   */
  private designations(text: string, sentence: Sentence, out: Candidate[]): void {
    for (const m of text.slice(sentence.start, sentence.end).matchAll(DESIGNATION)) {
      let start = sentence.start + m.index + m[0].length - m[2]!.length;
      let span = m[2]!;
      // 获评“岭底山珍”等7家三星共富工坊: what comes before 等 was selected; the designation follows.
      const counted = /等(?:\d+|[一二三四五六七八九十两]+)?[个家项批所]?/u.exec(span);
      if (counted) {
        start += counted.index + counted[0].length;
        span = span.slice(counted.index + counted[0].length);
      }
      const name = span.replace(/[“”"‘’「」]/g, '');
      // 等13个省级试点: a count of pilots at some level is a category, not a designation of its own.
      if (counted && DESIGNATION_HEADS.includes(name.replace(/^(?:国家级|省级|市级|县级|区级|全国|全省|全市|国家|省|市)/, ''))) continue;
      const heads = m[1] === '获' ? BARE_AWARD_HEADS : DESIGNATION_HEADS;
      const isDesignation = (phrase: string) => phrase.length >= 4 && phrase.length <= 30 && heads.some((head) => phrase.endsWith(head) && phrase.length > head.length + 1);
      if (isDesignation(name)) out.push({ start, end: start + span.length, type: 'Pilot', name, via: 'designation' });
      // 获评浙江省3A级景区村庄、全国乡村旅游重点村: the designations of a list, each up to the next mark.
      for (let at = start + span.length; text[at] === '、';) {
        const item = /^[\p{Script=Han}A-Za-z0-9·]+/u.exec(text.slice(at + 1, sentence.end))?.[0] ?? '';
        if (!isDesignation(item)) break;
        out.push({ start: at + 1, end: at + 1 + item.length, type: 'Pilot', name: item, via: 'designation' });
        at += 1 + item.length;
      }
    }
  }

  /** 编制…碳达峰方案、城乡风貌整治提升行动方案: what is issued, up to the clause's end, item by item. */
  private issuedDocuments(text: string, sentence: Sentence, out: Candidate[]): void {
    for (const m of text.slice(sentence.start, sentence.end).matchAll(ISSUED_OBJECTS)) {
      let start = sentence.start + m.index + m[0].length - m[1]!.length;
      for (const item of m[1]!.split('、')) {
        const name = item.replace(/[“”"‘’「」]/g, '');
        if (name.length >= 5 && name.length <= 30 && !name.includes('等') && DOCUMENT_AT_END.test(name) && !/^[“"‘]/.test(item)) {
          out.push({ start, end: start + item.length, type: 'Document', name, via: 'designation' });
        }
        start += item.length + 1;
      }
    }
  }

  /** 云尖信息总部: what has a headquarters is a company, when it is a name jieba does not know. */
  private headquarters(text: string, sentence: Sentence, out: Candidate[]): void {
    for (const m of text.slice(sentence.start, sentence.end).matchAll(/总部(?!大楼|大厦|经济)/g)) {
      const end = sentence.start + m.index;
      const windowStart = Math.max(sentence.start, end - 10);
      const words = tag(text.slice(windowStart, end));
      let start = end;
      let coined = false;
      for (let k = words.length - 1; k >= (windowStart > sentence.start ? 1 : 0); k--) {
        const { word, tag: pos } = words[k]!;
        if (!/^\p{Script=Han}+$/u.test(word) || !/^(?:x|n|nz|nr|ns|m)$/.test(pos) || LEFT_STOPWORDS.has(word)) break;
        // Unknown to jieba: tagged x, or cut into single characters.
        coined ||= pos === 'x' || word.length === 1;
        start -= word.length;
      }
      const name = text.slice(start, end);
      if (coined && name.length >= 3 && name.length <= 8) out.push({ start, end, type: 'Company', name, via: 'suffix' });
    }
  }

  private divisions(text: string, sentence: Sentence, out: Candidate[]): void {
    const max = this.gazetteer.maxNameLength;
    for (let end = sentence.start + 2; end <= sentence.end; end++) {
      if (!DIVISION_END.at(text, end - 1)) continue;
      // The longest name ending here. Official names of provinces, cities, counties and townships
      // are rarely over 12 characters.
      let longest: { name: string; divisions: Division[] } | undefined;
      for (let length = 2; length <= Math.min(max, 12, end - sentence.start); length++) {
        const name = text.slice(end - length, end);
        if (!this.gazetteer.endsAName(name)) break;
        // Villages share the index once loaded; they are found by villages(), not here.
        const divisions = this.gazetteer.named(name).filter((d) => d.level !== 'village');
        if (divisions.length > 0 && !GENERIC_DIVISION_NAMES.has(name)) longest = { name, divisions };
      }
      if (!longest) continue;
      const { name, divisions } = longest;
      // 发展乡村: there is a 发展乡, but here 乡 begins the word 乡村 and 发展 is a verb. An official
      // name made of an everyday word and its unit is no name where the unit begins a word.
      if (cutExact(text.slice(end - 1, end + 1)).length === 1 && isOrdinaryWord(name.slice(0, -1))) continue;
      const start = end - name.length;
      out.push({ start, end, type: 'District', name, via: 'division', divisions, level: divisions[0]!.level as DistrictLevel });
      this.zone(text, sentence, start, end, name, out);
    }
  }

  /**
   * 闻堰 for 闻堰街道: a township's short form, only in a document that also names it in full
   * (short township names are too often ordinary words to look for everywhere).
   */
  private townshipShortForms(text: string, sentences: Sentence[], regions: Set<string>, out: Candidate[]): void {
    const shorts = new Map<string, Candidate>();
    for (const c of out) {
      if (c.via !== 'division' || c.level !== 'township' || !c.divisions?.some((d) => this.inRegion(d, regions))) continue;
      const short = c.name.replace(/(?:街道|镇|乡)$/, '');
      if (short.length >= 2 && short !== c.name) shorts.set(short, c);
    }
    for (const sentence of sentences) {
      for (const [short, full] of shorts) {
        for (let at = text.indexOf(short, sentence.start); at >= 0 && at + short.length <= sentence.end; at = text.indexOf(short, at + 1)) {
          if (text.startsWith(full.name, at)) continue;
          out.push({ start: at, end: at + short.length, type: 'District', name: short, via: 'short-division', divisions: full.divisions, level: 'township' });
        }
      }
    }
  }

  /** 温州高新区: a zone named after the division before it. */
  private zone(text: string, sentence: Sentence, start: number, end: number, prefix: string, out: Candidate[]): void {
    const zone = ZONE.exec(text.slice(end, sentence.end));
    if (zone) out.push({ start, end: end + zone[0].length, type: 'District', name: prefix + zone[0], via: 'zone', level: 'zone' });
  }

  /** The provinces, cities and counties the document is about, judged by its full-name mentions. */
  private documentRegions(candidates: Candidate[]): Set<string> {
    const votes = new Map<string, number>();
    for (const c of candidates) {
      if (c.via !== 'division' || !c.divisions) continue;
      // An ambiguous name (天河街道) votes weakly for each of its places.
      const weight = 1 / c.divisions.length;
      for (const d of c.divisions) {
        for (const ancestor of this.gazetteer.lineage(d.code)) {
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

  private inRegion(division: Division, regions: Set<string>): boolean {
    if (division.level === 'province') return true;
    return this.gazetteer.lineage(division.code).some((d) => regions.has(d.code) && d.code !== division.code) || regions.has(division.code);
  }

  private shortDivisions(text: string, sentence: Sentence, regions: Set<string>, out: Candidate[]): void {
    for (let start = sentence.start; start < sentence.end - 1; start++) {
      if (!this.gazetteer.shortNameStarts.at(text, start) || !this.gazetteer.opensAShortName(text, start)) continue;
      for (const length of [5, 4, 3, 2]) {
        const end = start + length;
        if (end > sentence.end) continue;
        const name = text.slice(start, end);
        const divisions = this.gazetteer.shortNamed(name).filter((d) => this.inRegion(d, regions));
        if (divisions.length === 0) continue;
        // A short form followed by its own suffix is the full name, already found.
        if (divisions.some((d) => text.startsWith(d.name, start))) break;
        out.push({ start, end, type: 'District', name, via: 'short-division', divisions, level: divisions[0]!.level as DistrictLevel });
        this.zone(text, sentence, start, end, name, out);
        break;
      }
    }
  }

  private villages(text: string, sentence: Sentence, regions: Set<string>, districtEnds: Set<number>, out: Candidate[]): void {
    for (let end = sentence.start + 3; end <= sentence.end; end++) {
      if (!VILLAGE_END.at(text, end - 1)) continue;
      // The names ending here, longest first; the index of name endings bounds the search.
      let longest = 2;
      while (longest < Math.min(10, end - sentence.start) && this.gazetteer.endsAName(text.slice(end - longest - 1, end))) longest++;
      for (let length = longest; length >= 2; length--) {
        const start = end - length;
        // A two-character village (余村) only right after its township (天荒坪镇余村): alone, too many words end so.
        if (length === 2 && !districtEnds.has(start)) continue;
        const name = text.slice(start, end);
        const divisions = this.gazetteer.named(name).filter((d) => d.level === 'village' && this.inRegion(d, regions));
        if (divisions.length === 0) continue;
        // A name starts at a boundary: 第二社区 inside 芦浦第二社区 is not a village of its own, but
        // 黄杜村 after 周边 is, as jieba ends a word of its own there.
        if (start > sentence.start && HAN.test(text[start - 1]!) && !districtEnds.has(start) && !BOUNDARY_CHARS.has(text[start - 1]!) &&
          !startsAfterWord(text, sentence, start, name)) break;
        out.push({ start, end, type: 'Village', name, via: 'village', divisions });
        break;
      }
    }
  }

  private persons(text: string, sentence: Sentence, out: Candidate[]): void {
    const body = text.slice(sentence.start, sentence.end);
    for (let at = sentence.start; at < sentence.end; at++) {
      const title = PERSON_TITLE_WORDS.longestAt(text, at, sentence.end);
      if (!title) continue;
      let start = at + title.length;
      while (start < sentence.end && /\s/.test(text[start]!)) start++;
      at = start - 1;
      const length = personNameLength(text, start);
      if (length === 0 || start + length > sentence.end) continue;
      out.push({ start, end: start + length, type: 'Person', name: text.slice(start, start + length), via: 'person', title });
    }
    // 袁家军书记肯定: a name right before a post; 80岁老人杨兰香: a name after an age.
    for (const m of matchesNear(body, POSTS_AFTER_NAME, NAME_BEFORE_POST)) {
      const start = sentence.start + m.index;
      const length = personNameLength(text, start);
      // 管委会主任 is a post in an organization, not a person surnamed 管.
      const organization = [typeBySuffix(m[1]!), suffixRule(m[1]!)].some((rule) => rule?.type === 'Organization');
      if (length > 0 && length === m[1]!.length && !organization) out.push({ start, end: start + length, type: 'Person', name: m[1]!, via: 'person' });
    }
    for (const m of matchesNear(body, ['岁'], /\d+岁(?:的)?(?:老人|居民|村民|老党员|独居老人|老兵)?/g)) {
      const start = sentence.start + m.index + m[0].length;
      const length = personNameLength(text, start);
      if (length > 0) out.push({ start, end: start + length, type: 'Person', name: text.slice(start, start + length), via: 'person' });
    }
    // 留守老人干大爷: a surname and a term of address is how reports name ordinary people.
    for (const m of matchesNear(body, TERMS_OF_ADDRESS, SURNAME_AND_TERM_OF_ADDRESS)) {
      const start = sentence.start + m.index;
      if (surnameLength(text, start) === 1) out.push({ start, end: start + m[0].length, type: 'Person', name: m[0], via: 'person' });
    }
    // 项明亮介绍, 庄财康说: a name right before a speech verb, after punctuation.
    for (const m of matchesNear(body, SPEECH_VERBS, NAME_BEFORE_SPEECH)) {
      const start = sentence.start + m.index;
      const length = personNameLength(text, start);
      if (length > 0 && length === m[1]!.length) out.push({ start, end: start + length, type: 'Person', name: m[1]!, via: 'person' });
    }
  }

  /** Names anchored on a type suffix, extended leftwards word by word until a word that cannot be in one. */
  private suffixNames(text: string, sentence: Sentence, found: Candidate[], out: Candidate[]): void {
    const marked = found.filter((c) => c.via === 'quote' || c.via === 'book');
    const districts = found.filter((c) => c.type === 'District');
    const divisions = districts.filter((d) => d.via === 'division');
    const places = found.filter((d) => (d.type === 'District' || d.type === 'Village') && d.via !== 'suffix');
    for (const { at: suffixStart, rule } of suffixesIn(text, sentence.start, sentence.end)) {
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
      // 天河 in 天河街道 is not a river: a name never ends inside an official division's name.
      if (divisions.some((d) => d.start < end && end < d.end)) continue;
      // Most names are short: segment a short reach first, and a long one only when the name may run on past it.
      let reading = this.readNameBefore(text, sentence, suffixStart, rule, numbered, districts, SHORT_REACH);
      if (reading?.mayRunOn) reading = this.readNameBefore(text, sentence, suffixStart, rule, numbered, districts, LONG_REACH);
      if (!reading) continue;
      const { words, start, modifiers, properPart } = reading;
      // 科技部, 社建委 alone, after a pause or a preposition (被农业农村部): an organization named by its own title.
      const bareTitle = rule.type === 'Organization' && suffix.length >= 3 && start === end - suffix.length &&
        (start === sentence.start || /[、，,。；;：:（(\s]/.test(text[start - 1]!) || BOUNDARY_CHARS.has(text[start - 1]!));
      // 国家发改委, 省委: a level of government is qualifier enough for an organization.
      const scoped = rule.type === 'Organization' && modifiers.length > 0 && modifiers.every((w) => GOVERNMENT_LEVELS.has(w));
      if (!bareTitle && !scoped && (modifiers.length === 0 || modifiers.every((w) => GENERIC_MODIFIERS.has(w)))) continue;
      // A place the report names inside the name (壶镇 of 壶镇智能装备产业园).
      const placed = places.some((d) => d.start >= start && d.end <= suffixStart);
      // A village or place is named after somewhere or someone (湖前, 正泰, 2049, 壶镇): a phrase of
      // ordinary words (新建小区, 民办博物馆) is a description.
      const named = properPart || placed || words.some((w) => PROPER_TAGS.test(w.tag) && modifiers.includes(w.word));
      if ((rule.type === 'Village' || rule.type === 'Place') && !named) continue;
      if (needsProperName) {
        const coined = words.some((w) => PROPER_NAME_TAGS.test(w.tag) && modifiers.includes(w.word) && !isDomainWord(w.word));
        if (!placed && !coined) continue;
      }
      const name = text.slice(start, end);
      if (COUNTED_PHRASE.test(name)) continue; // 七大机制, 三大印刷基地: a count of things
      if (rule.type !== 'Pilot' && rule.type !== 'Program' && COUNTED_BEFORE.test(text.slice(Math.max(sentence.start, start - 4), start + (/^[所个家座条处名]/.test(name) ? 1 : 0)))) continue;
      // 省财政厅 is a name; 新局 is not: short suffixes need a longer qualifier.
      if ((!bareTitle && name.length - suffix.length < (suffix.length >= 3 ? 1 : 2)) || name.length > 28) continue;
      // 最美小镇——龙坞茶镇: what a dash pair introduces is the name.
      const dash = name.lastIndexOf('——');
      if (dash >= 0) {
        if (name.length - dash - 2 > suffix.length) out.push({ start: start + dash + 2, end, type: rule.type, name: name.slice(dash + 2), via: 'suffix' });
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
  private readNameBefore(text: string, sentence: Sentence, suffixStart: number, rule: SuffixRule, numbered: boolean, districts: Candidate[], reach: number) {
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
      if (word === '和' && rule.type === 'Organization' && modifiers.length > 0 && k > first && /^(?:n|vn|nz)$/.test(words[k - 1]!.tag)) {
        start -= word.length;
        modifiers.unshift(word);
        continue;
      }
      // 旅游开发有限公司, 城市建设投资集团: a firm's name says what business it is in.
      const business = rule.type === 'Company' && FIRM_BUSINESSES.has(word);
      if (!scope && !grade && !business && (!canBeInName(word, pos, words[k + 1]?.word) || (rule.type !== 'Pilot' && /\d|^年/.test(word)))) break;
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

  /**
   * 点亮微心愿、幸福就业、幸福敲门等10余个专项项目: the items of a list that a category noun
   * after 等 names as programs.
   */
  private enumerations(text: string, sentence: Sentence, out: Candidate[]): void {
    const body = text.slice(sentence.start, sentence.end);
    // The pattern backtracks a lot; most sentences cannot match it at all.
    if (!body.includes('、') || !body.includes('等')) return;
    for (const m of body.matchAll(ENUMERATION)) {
      const listStart = sentence.start + m.index;
      const items = m[1]!.split('、');
      // The first item starts after the verb that introduces the list (开发了点亮微心愿).
      const words = tag(items[0]!);
      let k = words.length;
      while (k > 0 && canBeInName(words[k - 1]!.word, words[k - 1]!.tag)) k--;
      items[0] = words.slice(k).map((w) => w.word).join('');
      let offset = listStart + m[1]!.indexOf('、') - items[0]!.length;
      if (!m[1]!.includes('、')) continue;
      for (const item of items) {
        if (item.length >= 3 && item.length <= 12 && !isOrdinaryWord(item)) {
          // 奥斯奇、星德瑞、蓝欧光电等3个…项目: short names jieba cannot read are the firms behind the projects.
          const unknown = tag(item).filter((w) => w.tag === 'x' || w.word.length === 1 || /^(?:nr|nrt|ns|nz)$/.test(w.tag)).reduce((n, w) => n + w.word.length, 0);
          const firm = item.length <= 4 && unknown >= 2;
          out.push({ start: offset, end: offset + item.length, type: firm ? 'Company' : 'Program', name: item, via: 'suffix' });
        }
        offset += item.length + 1;
      }
    }
  }

  /**
   * 区委, 区政府: a bare party committee or government is that of the report's own district
   * (西湖区委 in a report about 西湖区); 省委 and 省政府 keep their names.
   */
  private localAuthorities(text: string, sentences: Sentence[], home: string | undefined, out: Candidate[]): void {
    for (const sentence of sentences) {
      for (const m of matchesNear(text.slice(sentence.start, sentence.end), ['委', '政府'], LOCAL_AUTHORITY)) {
        const start = sentence.start + m.index;
        const level = m[1]!;
        const name = level === '省' ? m[0] : home?.endsWith(level) ? home + m[2] : undefined;
        if (name) out.push({ start, end: start + m[0].length, type: 'Organization', name, alias: m[0], via: 'suffix' });
      }
    }
  }
}

/**
 * True when jieba ends a word of two or more characters right before `start`, and the name is
 * neither a numbered one (第二社区) that is usually the tail of a longer name nor a word of
 * jieba's dictionary (实施城中村改造): villages are rarely in it.
 */
function startsAfterWord(text: string, sentence: Sentence, start: number, name: string): boolean {
  if (/^[第\d一二三四五六七八九十]/.test(name) || cutExact(name).length === 1) return false;
  const from = Math.max(sentence.start, start - 6);
  let at = from;
  for (const word of cut(text.slice(from, start + name.length))) {
    at += word.length;
    if (at === start) return word.length >= 2;
    if (at > start) return false;
  }
  return false;
}

/** The matches of an expression that looks around `words`, tried only where one is written: such expressions are slow to fail. */
function matchesNear(text: string, words: string[], pattern: RegExp): Iterable<RegExpExecArray> {
  return words.some((word) => text.includes(word)) ? text.matchAll(pattern) : [];
}

/** The candidates that overlap each sentence (sentences are in order and do not overlap). */
function bySentence(sentences: Sentence[], candidates: Candidate[]): Candidate[][] {
  const buckets = sentences.map((): Candidate[] => []);
  for (const c of candidates) {
    for (let i = sentenceIndexAfter(sentences, c.start); i < sentences.length && sentences[i]!.start < c.end; i++) buckets[i]!.push(c);
  }
  return buckets;
}

/** The county-level district a report names most often: the one it is about. */
function homeCounty(candidates: Candidate[]): string | undefined {
  const counts = new Map<string, number>();
  for (const c of candidates) if (c.type === 'District' && c.divisions?.length && c.level === 'county') {
    const full = c.divisions[0]!.name;
    counts.set(full, (counts.get(full) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * 区共富领导小组, 区委社建委: an organization named after a bare 区 (市, 县) is the report's own
 * district's, as 区委 is; it is named in full, the written form kept as an alias.
 */
function qualifyLocalOrganizations(candidates: Candidate[], home: string | undefined): void {
  if (!home) return;
  for (const c of candidates) {
    if (c.type !== 'Organization' || c.via !== 'suffix' || c.name.startsWith(home)) continue;
    // By the dictionary alone: jieba's guessing glues 县经 of 县经信局 into a word; 市场 stays whole.
    const first = cutExact(c.name)[0] ?? '';
    if (/^[区市县](?:委|政府)?$/.test(first) && home.endsWith(first[0]!)) {
      c.alias = c.name;
      c.name = home + c.name.slice(1);
    }
  }
}

// Parts of speech that end a name when met reading leftwards: prepositions, conjunctions,
// particles, pronouns, adverbs, measure words, numbers (but 第二 in 湖前第二社区), punctuation.
const NOT_IN_NAME_TAGS = /^(?:p|c|u[a-z]*|r[a-z]*|d|y|e|o|w)$/;

function canBeInName(word: string, pos: string, next?: string): boolean {
  if (word.includes('——')) return false; // a dash pair sets off an apposition: 最美小镇——龙坞茶镇
  // 2022年市级试点: a year belongs to the name of a list or an award.
  if (/^\d{4}$/.test(word) && (next === '年' || next === '年度')) return true;
  if ((word === '年' || word === '年度') && pos === 'm') return true;
  if (LEFT_STOPWORDS.has(word) || !NAME_CHAR.test(word) || /[“”"《》‘’「」()（）、，,：:；;\s]/.test(word)) return false;
  if (NOT_IN_NAME_TAGS.test(pos)) return false;
  // A verb opens the clause the name is the object of (图为, 筹建, 解码), unless it is one of
  // the verbs names are made of (治理, 服务, 创新).
  if (pos === 'v' && !NAME_VERBS.has(word)) return false;
  // 第二 in 湖前第二社区, 多元 in 民意多元感知中心 (jieba tags it a numeral); not counts.
  if (pos === 'm' && !word.startsWith('第') && /[\d一二三四五六七八九十百千万亿两几数个]/.test(word)) return false;
  return !/^\d/.test(word);
}

const JOINT_ACTIONS = new Set(['合作', '共建', '签约', '联建', '携手', '结对', '对接', '联合']);
const PEOPLE_OF = /^(?:家长|老师|教师|学生|师生|员工|职工|居民|村民|党员|干部|志愿者|工作人员|医生|护士)$/;
const POST = new RegExp(`^(?:${PERSON_TITLES.join('|')})`);

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

const GOVERNMENT_LEVELS = new Set(['国家', '中央', '全国', '省', '市', '区', '县', '镇', '乡']);
const SCOPED_DESIGNATION = /^(?:全国|全省|全市|首批|国家级|省级|市级)/;
const BUILDING_VERBS = new Set(['建设', '新建', '扩建', '改建', '兴建', '筹建', '投资']);
const FIRM_BUSINESSES = new Set(['开发', '建设', '投资', '运营', '管理', '服务', '发展', '经营', '贸易', '实业', '置业']);
const PILOT_SCOPE = new Set(['全省', '全国', '全市', '首批', '省', '国家', '国家级', '省级', '市级']);

// Tags of proper names and of words jieba does not know (most local names): ns place, nr person,
// nz other proper noun, x unknown, eng Latin letters, m numbers, and none (our domain words).
const PROPER_TAGS = /^(?:ns|nr|nrt|nrfg|nz|nt|x|eng|m|j|)$/;

// Stricter: a word jieba does not know (崇军, 一窗) or a Latin one. Its ns and nr tags are not
// trusted here: it tags 城市 a place and 智慧 a person.
const PROPER_NAME_TAGS = /^(?:nz|x|eng)$/;

function endsWithOrdinaryWord(word: string): boolean {
  for (const ordinary of ORDINARY_WORDS) if (word.endsWith(ordinary)) return true;
  return false;
}

const NAME_VERBS = new Set([
  '创新', '治理', '管理', '建设', '发展', '服务', '集成', '协作', '融合', '转化', '救助', '养老', '改造', '提升', '整治', '保护', '监管', '执法',
  '示范', '共建', '共享', '联动', '指挥', '受理', '投资', '培育', '运营', '交易', '设计', '创意', '实践', '研学', '传承', '帮扶', '照护',
  '托育', '调解', '预防', '化解', '协调', '办理', '感知', '防控', '处置', '应急', '评价', '监测', '孵化', '振兴', '富民', '共富',
  '缩小', '扩大', '收入',
]);

const PRIORITY: Record<MentionSource, number> = {
  book: 100, designation: 95, quote: 90, credit: 85, outlet: 85, person: 80, zone: 75, division: 70, village: 72, suffix: 50, 'short-division': 40, known: 45,
};

/**
 * Chooses non-overlapping mentions: quoted and titled spans first (their boundaries are certain),
 * then the longest. A district at the very start of a longer name (龙湾区 in 龙湾区委) is kept
 * as a mention of its own as well.
 */
export function selectMentions(candidates: Candidate[]): Candidate[] {
  const books = candidates.filter((c) => c.via === 'book');
  const inBook = (c: Span) => books.some((b) => b !== c && c.start >= b.start && c.end <= b.end);
  // Quoted names are kept even when they nest (“未来城区”行动方案 and 未来城区): their marks are certain.
  // A designation's span is certain too (it runs from the verb to the clause's end); a quote that
  // ends where it does is its head (获评“省级巾帼共富工坊”), not a name of its own.
  const designations = candidates.filter((c) => c.via === 'designation' && !inBook(c));
  const isHead = (c: Span) => designations.some((d) => c.end === d.end || c.end + 1 === d.end);
  // A program quoted inside a title (《关于开展“浙江有礼”…行动的实施方案》) is named there too.
  const chosen: Candidate[] = candidates.filter((c) => c.via === 'book' || (c.via === 'quote' && !isHead(c) && (!inBook(c) || c.type === 'Program'))).concat(designations);
  // People and credited names first (their boundaries come from a title), then the longest.
  const tier = (c: Candidate) => (PRIORITY[c.via] >= 80 ? 1 : 0);
  const ordered = candidates
    .filter((c) => c.via !== 'book' && c.via !== 'quote' && c.via !== 'designation')
    .sort((a, b) => tier(b) - tier(a) || (b.end - b.start) - (a.end - a.start) || PRIORITY[b.via] - PRIORITY[a.via] || a.start - b.start);
  // The characters taken so far, so that an overlap is found without comparing every pair.
  const covered = new Uint8Array(candidates.reduce((end, c) => Math.max(end, c.end), 0));
  for (const c of chosen) covered.fill(1, c.start, c.end);
  for (const candidate of ordered) {
    if (!covered.subarray(candidate.start, candidate.end).includes(1)) {
      chosen.push(candidate);
      covered.fill(1, candidate.start, candidate.end);
    }
  }
  // 龙港市公安局 at the start of 龙港市公安局情报指挥中心 is a mention of that organization too,
  // and 沿江第一社区 at the start of 沿江第一社区联合党委 one of the community.
  for (const host of [...chosen]) {
    if (host.type !== 'Organization' || host.via !== 'suffix') continue;
    for (const rule of SUFFIX_RULES) {
      const nestable = (rule.type === 'Organization' && rule.suffix.length >= 3) || (rule.type === 'Village' && rule.suffix === '社区');
      if (!nestable) continue;
      const at = host.name.indexOf(rule.suffix);
      const length = at + rule.suffix.length;
      if (at < 0 || length >= host.name.length || length < rule.suffix.length + 2) continue;
      if (chosen.some((c) => c.start === host.start && c.end === host.start + length)) continue;
      chosen.push({ start: host.start, end: host.start + length, type: rule.type, name: host.name.slice(0, length), via: 'suffix' });
      break;
    }
  }
  // 龙湾区 at the start of 龙湾区委 is a mention of the district too.
  for (const candidate of candidates) {
    if (candidate.type !== 'District' || (candidate.via !== 'division' && candidate.via !== 'zone' && candidate.via !== 'suffix') || chosen.includes(candidate)) continue;
    const host = chosen.find((c) => c.start === candidate.start && c.end > candidate.end && c.type !== 'District' && c.via === 'suffix');
    if (host && !chosen.some((c) => c.type === 'District' && c.start === candidate.start)) chosen.push(candidate);
  }
  // 柯桥区齐贤街道羊山村党委: the official places an organization's name is built on are mentioned too.
  for (const candidate of candidates) {
    if ((candidate.via !== 'division' && candidate.via !== 'village') || chosen.includes(candidate)) continue;
    const host = chosen.find((c) => c.type === 'Organization' && c.via === 'suffix' && c.start <= candidate.start && candidate.end < c.end);
    const placed = chosen.some((c) => (c.type === 'District' || c.type === 'Village') && c.start < candidate.end && candidate.start < c.end);
    if (host && !placed) chosen.push(candidate);
  }
  // 云尖信息 at the start of 云尖信息总部暨…智造基地 is the company that owns it.
  for (const candidate of candidates) {
    if (candidate.type !== 'Company' || chosen.includes(candidate)) continue;
    if (chosen.some((c) => c.start === candidate.start && c.end > candidate.end && c.type === 'Place')) chosen.push(candidate);
  }
  return chosen.sort((a, b) => a.start - b.start || b.end - a.end);
}
