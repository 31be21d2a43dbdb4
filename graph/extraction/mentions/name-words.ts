// What names are made of, shared by the recognizers that read a name word by word: which words
// can be part of one, which are ordinary vocabulary, and jieba's tags of proper names.
import { LEFT_STOPWORDS, ORDINARY_WORDS, SUFFIX_RULES, type SuffixRule } from '../lexicon/entity-suffixes.ts';
import { WordTable } from '../text/word-table.ts';
import { isDomainWord, isOneExactWord, tag } from './segmenter.ts';

export const HAN = /\p{Script=Han}/u;
// Characters after which a name may start: prepositions, particles and conjunctions.
export const BOUNDARY_CHARS = new Set([...'在的和与及到从对向由将把被为是了即如于至']);
const NAME_CHAR = /[\p{Script=Han}A-Za-z0-9+·—-]/u;
// “三个一批”, 六大领域重大改革, 三大印刷基地: a count of things, not the name of one.
export const COUNTED_PHRASE = /^[二三四五六七八九十两]+[个大重项类张条]/u;

// Tags of proper names and of words jieba does not know (most local names): ns place, nr person,
// nz other proper noun, x unknown, eng Latin letters, m numbers, and none (our domain words).
export const PROPER_TAGS = /^(?:ns|nr|nrt|nrfg|nz|nt|x|eng|m|j|)$/;

// Stricter: a word jieba does not know (崇军, 一窗) or a Latin one. Its ns and nr tags are not
// trusted here: it tags 城市 a place and 智慧 a person.
export const PROPER_NAME_TAGS = /^(?:nz|x|eng)$/;

/**
 * One word of jieba's general dictionary (格局, 乡村), unless it is a proper noun there (党建网 nz):
 * quoted, such a word or idiom (“美好生活”, “小打小闹”) is emphasis, not a name.
 */
export function isOrdinaryWord(phrase: string): boolean {
  if (isDomainWord(phrase) || !isOneExactWord(phrase)) return false;
  const [word] = tag(phrase);
  return !(word && word.word === phrase && /^(?:nz|nt|nr|ns|x|eng)$/.test(word.tag));
}

// Parts of speech that end a name when met reading leftwards: prepositions, conjunctions,
// particles, pronouns, adverbs, measure words, numbers (but 第二 in 湖前第二社区), punctuation.
const NOT_IN_NAME_TAGS = /^(?:p|c|u[a-z]*|r[a-z]*|d|y|e|o|w)$/;

export function canBeInName(word: string, pos: string, next?: string): boolean {
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

// The lengths the ordinary words come in: a word ends with one when its ending of such a length is one.
const ORDINARY_LENGTHS = [...new Set([...ORDINARY_WORDS].map((w) => w.length))];

export function endsWithOrdinaryWord(word: string): boolean {
  for (const length of ORDINARY_LENGTHS) if (length <= word.length && ORDINARY_WORDS.has(word.slice(word.length - length))) return true;
  return false;
}

// The suffix rules by suffix (the first of the list for each) and the lengths they come in,
// longest first: the rule a word ends with is then one look-up per length, not a test per rule.
const FIRST_RULE_BY_SUFFIX = new Map<string, SuffixRule>();
for (const rule of SUFFIX_RULES) if (!FIRST_RULE_BY_SUFFIX.has(rule.suffix)) FIRST_RULE_BY_SUFFIX.set(rule.suffix, rule);
const SUFFIX_LENGTHS = [...new Set(SUFFIX_RULES.map((rule) => rule.suffix.length))].sort((a, b) => b - a);
// The look-ups give the list's first match only when the list runs longest first, as it does.
const LONGEST_FIRST = SUFFIX_RULES.every((rule, i) => i === 0 || rule.suffix.length <= SUFFIX_RULES[i - 1]!.suffix.length);

/**
 * The first of SUFFIX_RULES that `word` ends with, leaving at least `before` characters ahead of
 * the suffix: ruleEnding(name, 1) is typeBySuffix(name), ruleEnding(word) the rule a word ends in.
 */
export function ruleEnding(word: string, before = 0): SuffixRule | undefined {
  if (!LONGEST_FIRST) return SUFFIX_RULES.find((rule) => word.endsWith(rule.suffix) && word.length - rule.suffix.length >= before);
  for (const length of SUFFIX_LENGTHS) {
    if (length + before > word.length) continue;
    const rule = FIRST_RULE_BY_SUFFIX.get(word.slice(word.length - length));
    if (rule) return rule;
  }
  return undefined;
}

// Verbs names are made of (治理, 服务, 创新): they do not open the clause a name is the object of.
export const NAME_VERBS = new Set([
  '创新',
  '治理',
  '管理',
  '建设',
  '发展',
  '服务',
  '集成',
  '协作',
  '融合',
  '转化',
  '救助',
  '养老',
  '改造',
  '提升',
  '整治',
  '保护',
  '监管',
  '执法',
  '示范',
  '共建',
  '共享',
  '联动',
  '指挥',
  '受理',
  '投资',
  '培育',
  '运营',
  '交易',
  '设计',
  '创意',
  '实践',
  '研学',
  '传承',
  '帮扶',
  '照护',
  '托育',
  '调解',
  '预防',
  '化解',
  '协调',
  '办理',
  '感知',
  '防控',
  '处置',
  '应急',
  '评价',
  '监测',
  '孵化',
  '振兴',
  '富民',
  '共富',
  '缩小',
  '扩大',
  '收入',
  '就业',
  '培训',
  '创业',
]);

/** The matches of an expression that looks around `words`, tried only where one is written: such expressions are slow to fail. */
export function matchesNear(text: string, words: string[], pattern: RegExp): Iterable<RegExpExecArray> {
  return writesAny(text, words) ? text.matchAll(pattern) : [];
}

// The longer word lists, each as a table read in one pass over a text rather than one search per
// word (null for a list with an empty word, which every text holds).
const WORD_TABLES = new WeakMap<readonly string[], WordTable | null>();

function writesAny(text: string, words: string[]): boolean {
  let table = words.length < 4 ? null : WORD_TABLES.get(words);
  if (table === undefined) WORD_TABLES.set(words, (table = words.includes('') ? null : new WordTable(words)));
  if (table === null) return words.some((word) => text.includes(word));
  for (let at = 0; at < text.length; at++) if (table.longestAt(text, at, text.length) !== undefined) return true;
  return false;
}
