// Words added to jieba's dictionary so that segmentation keeps the vocabulary of policy reports
// whole (示范区, 共富, 数字化改革) instead of splitting it. Frequencies are jieba's scale.
import { SUFFIX_RULES } from './entity-suffixes.ts';

const POLICY_VOCABULARY = [
  '共同富裕',
  '共富',
  '示范区',
  '高质量发展',
  '一体化',
  '先行先试',
  '党建统领',
  '基层治理',
  '整体智治',
  '公共服务',
  '城乡融合',
  '乡村振兴',
  '飞地',
  '联合党委',
  '党总支',
  '党工委',
  '共富办',
  '发改委',
  '省级',
  '市级',
  '区级',
  '县级',
  '国家级',
  '街道',
  '镇街',
  '村社',
  '小区',
  '新村',
  // Fields of policy, not programs: kept whole, they are not mistaken for coined compounds.
  '社会治理',
  '公共文化',
  '社会保障',
  '社会救助',
  '社会建设',
  '精神文明',
  '生态文明',
  '数字经济',
  '养老服务',
  '文化服务',
  '智治',
  '扁平化',
  '奖补',
  '技改',
  '基本单元',
];

const POLICY_WORDS = new Set(POLICY_VOCABULARY);

/** A word of the general vocabulary of policy (共同富裕, 先行先试): never a name by itself, quoted or not. */
export function isPolicyWord(word: string): boolean {
  return POLICY_WORDS.has(word);
}

let domain: ReadonlySet<string> | undefined;

/** The words we add to jieba's dictionary: the policy vocabulary and the suffixes of two or more characters. */
export function domainWords(): ReadonlySet<string> {
  return (domain ??= new Set([...POLICY_VOCABULARY, ...SUFFIX_RULES.map((rule) => rule.suffix).filter((s) => s.length >= 2)]));
}

/** The domain words as a jieba user dictionary ("word frequency" lines). */
export function domainDictionary(): string {
  return [...domainWords()].map((word) => `${word} 20000`).join('\n');
}
