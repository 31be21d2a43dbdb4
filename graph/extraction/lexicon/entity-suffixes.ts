// Words that end a name of a given type (有限公司 ends a company, 试点 a pilot), longest first
// when matched. General vocabulary of Chinese administrative and policy writing, not names.
import type { EntityType } from '../../model.ts';
import { WordTable } from '../text/word-table.ts';

const SUFFIXES: Record<Exclude<EntityType, 'Person' | 'Document'>, string[]> = {
  // Government-designated zones named after a place that is not itself a division.
  District: ['旅游度假区', '度假区', '科技城', '高新区', '开发区', '经开区', '产业集聚区', '片区'],
  Pilot: [
    '试点县', '试点村', '试点镇', '试点', '示范区', '示范点', '示范带', '示范县', '示范镇', '示范村', '示范基地', '样板区', '样板', '标杆', '最佳实践', '名单', '名录',
    '先进县市区', '先进集体', '先进单位', '百强区', '百强县', '百强', '强县', '典型案例', '精品村', '景区村庄', '实验区', '先行区', '试验区',
    '示范单位', '推广应用单位', '标杆社区', '类社区', '创新城市', '型城市', '500强', '范例', '扶持村',
  ],
  Program: [
    '计划', '工程', '行动', '改革', '项目', '平台', '系统', '应用', '模式', '机制', '体系', '工作法', '品牌', '课堂', '大脑', '服务圈',
    '生活圈', '政策池', '战略', '工作室', '共同体', '帮共体', '服务网', '一件事', '联盟', '服务日',
  ],
  Organization: [
    '委员会', '村委会', '居委会', '理事会', '董事会', '人大', '政协', '支行', '分行', '大联盟', '快报', '党工委', '党委', '党总支', '党支部', '区委', '市委', '县委', '省委', '人民政府', '政府', '办公室', '共富办', '发改委', '发展改革委', '改革委',
    '财政厅', '公安局', '教育局', '民政局', '执法局', '管理局', '服务局', '局', '厅', '科技部', '组织部', '宣传部', '统战部', '武装部', '农业农村部', '商务部', '财政部', '民政部', '教育部',
    '自然资源部', '生态环境部', '交通运输部', '水利部', '文化和旅游部', '工业和信息化部', '住房和城乡建设部', '人力资源和社会保障部', '中心', '协会', '学会', '商会', '联合会',
    '基金会', '基金', '总工会', '工会', '妇联', '团委', '医院', '卫生院', '学校', '小学', '中学', '大学', '学院', '幼儿园', '托育园', '服务队', '志愿队', '联合体', '研究院',
    '研究所', '报社', '日报', '晚报', '时报', '电视台', '客户端', '工作站', '法院', '检察院', '综合体', '指挥部', '领导小组', '工作专班',
    '管委会', '党建联盟', '社建委', '经信委', '卫健委', '政法委', '科协', '侨联', '残联', '文联', '工商联', '社科联', '台办', '红十字会',
    '初中', '高中', '二小', '三小', '四小', '五小', '二中', '三中',
    '四中', '五中',
  ],
  Company: [
    '股份有限公司', '有限责任公司', '有限公司', '股份经济合作社', '合作社', '集团', '公司', '工坊', '旗舰店', '超市', '酒店',
    '银行',
  ],
  Place: [
    '公园', '产业园', '工业园', '科技园', '创业园', '园区', '艺术馆群', '艺术馆', '纪念馆', '博物馆', '图书馆', '文化馆', '展览馆', '体育馆',
    '文化礼堂', '礼堂', '市场', '市集', '广场', '总部大楼', '大楼', '大厦', '中心区', '新城', '研学基地', '基地', '古镇', '老街',
    '步行街', '码头', '大桥', '水库', '湿地', '景区', '客厅', '书房', '传承带', '走廊', '绿道', '文化带', '街区', '小镇', '茶镇', '茶园',
    '农场', '合作园', '港区', '机场', '精品馆', '展示馆', '体验馆', '江', '溪', '湖', '岛', '峰', '山', '屿', '河', '水库', '湖泊', '森林公园',
  ],
  Village: ['社区', '新村', '名苑', '小区', '花园', '家园', '自然村', '村'],
};

/**
 * One-character suffixes of natural places (鄱阳湖, 楠溪江, 武夷山, 太姥山): a name only with a proper head
 * of two characters or more, never a division's short form (浙江).
 */
export const NATURAL_PLACE_SUFFIXES = new Set(['江', '溪', '湖', '岛', '峰', '山', '屿', '河']);

/**
 * Program suffixes strong enough to mark a name without quotation marks (收入分配制度改革). The
 * others (体系, 平台, 机制…) end too many ordinary phrases and name a program only when quoted.
 */
export const UNQUOTED_PROGRAM_SUFFIXES = new Set(['改革', '工程', '行动', '计划', '战略']);

/**
 * How the name of a designation ends: the list, award or title something is selected into
 * (入选全省首批未来社区, 获评全国文明村, 获省改革突破银奖). Read after a verb of selection only.
 */
export const DESIGNATION_HEADS = [
  '试点', '示范区', '示范点', '示范单位', '样板', '样板区', '标杆', '最佳实践', '最佳应用', '名单', '名录', '先进', '典型案例', '实验区', '实验项目',
  '奖', '激励', '模板', '单位', '工坊', '社区', '村', '园区', '项目', '城市', '县', '称号', '基地', '范例', '产业园',
];

export interface SuffixRule {
  suffix: string;
  type: Exclude<EntityType, 'Person' | 'Document'>;
}

/** Every suffix with its type, longest first so that 股份有限公司 wins over 公司. */
export const SUFFIX_RULES: SuffixRule[] = Object.entries(SUFFIXES)
  .flatMap(([type, suffixes]) => suffixes.map((suffix) => ({ suffix, type: type as SuffixRule['type'] })))
  .sort((a, b) => b.suffix.length - a.suffix.length);

const RULE_BY_SUFFIX = new Map(SUFFIX_RULES.map((rule) => [rule.suffix, rule]));
const SUFFIX_TABLE = new WordTable(SUFFIX_RULES.map((rule) => rule.suffix));

/**
 * The suffixes written in text[from, to), left to right, the longest at each place and none
 * overlapping: what one regular expression of them all would match, without trying each of
 * them at every position.
 */
export function* suffixesIn(text: string, from: number, to: number): Generator<{ at: number; rule: SuffixRule }> {
  for (let at = from; at < to; at++) {
    const suffix = SUFFIX_TABLE.longestAt(text, at, to);
    if (!suffix) continue;
    yield { at, rule: RULE_BY_SUFFIX.get(suffix)! };
    at += suffix.length - 1;
  }
}

/** The rule a word is, when it is exactly one of the suffixes (中心, 党委, 平台). */
export function suffixRule(word: string): SuffixRule | undefined {
  return RULE_BY_SUFFIX.get(word);
}

/** The type a name gets from how it ends, or undefined. */
export function typeBySuffix(name: string): SuffixRule | undefined {
  return SUFFIX_RULES.find((rule) => name.endsWith(rule.suffix) && name.length > rule.suffix.length);
}

/**
 * Words that cannot start or continue a name when reading leftwards from its suffix: verbs that
 * open a clause, function words, quantifiers and deictics.
 */
export const LEFT_STOPWORDS = new Set([
  '时任', '现任', '曾任', '历任', '实施', '推进', '打造', '开展', '出台', '建立', '构建', '成立', '组建', '开发', '推动', '完成', '实现', '入选', '获评', '列入', '列为',
  '成为', '创成', '跻身', '获批', '获得', '荣获', '评为', '通过', '依托', '围绕', '聚焦', '深化', '探索', '落实', '启动', '上线', '投用',
  '建成', '引进', '招引', '接入', '开设', '形成', '布局', '搭建', '争创', '申报', '创建', '承办', '举办', '参加', '组织', '带动', '提升',
  '加快', '强化', '完善', '健全', '推行', '推广', '发布', '印发', '制定', '编制', '下发', '设立', '设置', '拥有', '包括', '比如', '作为',
  '获', '是', '有', '为', '让', '使', '与', '和', '及', '以及', '同', '跟', '或', '等', '的', '之', '在', '于', '对', '向', '从', '由',
  '将', '把', '被', '以', '给', '按', '到', '至', '已', '已经', '正', '正在', '还', '也', '都', '又', '并', '而', '且', '了', '着', '过',
  '个', '家', '项', '批', '座', '支', '名', '条', '所', '全', '各', '每', '该', '其', '这', '那', '此', '本', '首个', '首批', '一批',
  '一系列', '一个', '多个', '多家', '全省', '全市', '全区', '全国', '全县', '率先', '积极', '全力', '着力', '大力', '持续', '不断',
  '进一步', '成功', '正式', '首次', '首家', '首支', '唯一', '最', '如', '即', '共', '约', '近', '超', '余', '多', '今年', '去年',
  '目前', '其中', '同时', '此外', '另外', '近年来', '以来', '期间', '方面', '包含', '集合', '了解', '介绍', '表示', '说', '称',
  '中', '上', '下', '内', '里', '外', '前', '后', '所有', '整个', '系列', '落地', '企业', '单位', '机构', '部门', '图为', '一阶段', '阶段', '辖区', '开放式', '首批', '旁', '边', '开展', '举行', '召开', '参与', '入驻', '落户', '位于', '地处',
  '成功入选', '途经', '远眺', '经过', '牵手', '携手', '结对', '共建', '合作', '助力', '支持', '鼓励', '引导', '发挥', '面向', '针对', '关于', '基于',
  '依据', '按照', '根据', '坚持', '全面', '扎实', '做好', '做强', '做优', '做大', '抓好', '抓住', '迎来',
  '迈出', '取得', '彰显', '体现', '展现', '走出', '走进', '来到', '看到', '发现', '认为', '指出', '强调', '要求', '明确', '实行',
  '贯彻落实', '贯彻', '深入贯彻', '认真贯彻', '按照', '对照', '代表', '靠', '多靠', '依靠', '起', '组建起', '当初', '这种', '这些', '那些',
]);

/** Modifiers that make a generic phrase, not a name, when they are all that precedes the suffix. */
export const GENERIC_MODIFIERS = new Set([
  '未来', '现代', '智慧', '城乡', '和谐', '美丽', '数字', '文明', '平安', '幸福', '城市', '农村', '基层', '老旧', '新型', '重点', '重大',
  '专项', '相关', '有关', '主要', '各类', '各级', '综合', '公共', '社会', '服务', '管理', '工作', '民生', '示范', '试点', '改革', '创新',
  '产业', '经济', '文化', '教育', '医疗', '养老', '就业', '治理', '党建', '数字化', '信息化', '一体化', '标准化', '规范化', '集成',
  '省级', '市级', '区级', '县级', '国家级', '国家', '全省', '全国', '全市', '该', '本', '此', '这', '其', '一', '两', '三', '四', '五',
  '六', '七', '八', '九', '十', '多', '首', '新', '老', '大', '小', '好', '各', '全', '整体', '共富', '共同富裕', '社区', '普惠性',
  '居家', '照料', '村级', '社区级', '镇级', '乡镇', '村', '第三方', '各项', '实际', '新开工', '保险', '村办', '前期', '全国性',
  '股份制', '商业', '两地', '鲜活', '标杆', '各地', '当地', '本地', '相关部门', '集镇',
]);

/** Two-character words ending in a one-character suffix that are ordinary words, not names. */
export const ORDINARY_WORDS = new Set([
  '格局', '布局', '结局', '全局', '大局', '当局', '出局', '骗局', '乡村', '农村', '山村', '渔村', '全村', '各村', '本村', '该村', '进村',
  '驻村', '强村', '富村', '村村', '邻村', '新村', '办公', '合办', '主办', '承办', '创办', '举办', '开办', '兴办', '督办', '代办', '帮办',
  '领办', '一办', '局部', '全部', '内部', '外部', '干部', '总部', '东部', '西部', '南部',
  '北部', '中部', '基层', '村委', '居委', '大厅', '餐厅', '展厅', '门厅', '城中村', '新局', '河河', '运河', '黄河', '长河', '银河', '先河', '山河', '江河', '冰河', '拔河', '过河', '护城河', '宅基地',
  '高山', '青山', '深山', '大山', '金山', '银山', '江山', '群山', '名山', '上山', '下山', '进山', '靠山', '火山', '冰山', '河山', '爬山', '登山',
  '出山', '矿山', '荒山', '山山', '岛屿',
]);

/** Words that end the title of a document named without book-title marks (“未来城区”行动方案). */
export const DOCUMENT_SUFFIXES = ['实施方案', '行动方案', '工作方案', '方案', '通知', '意见', '办法', '规划', '纲要', '条例', '细则', '决定', '报告', '指南', '清单'];

/** Posts and roles that come right before a person's name (区委书记周一富, 记者 张银燕). */
export const PERSON_TITLES = [
  '执行秘书长', '副秘书长', '秘书长', '党委书记', '副书记', '书记', '副主任', '主任', '副局长', '局长', '负责人', '总经理', '副总经理',
  '经理', '董事长', '理事长', '副院长', '院长', '副主席', '副校长', '校长', '站长', '所长', '处长', '科长', '主席', '社长', '馆长', '园长',
  '队长', '组长', '居民', '村民', '市民', '志愿者', '创始人', '记者', '通讯员', '网格员', '掌门人', '部长', '厅长', '省长', '市长',
  '区长', '县长', '镇长', '乡长', '村长', '教授', '常委', '首席运营官', '首席执行官', '总裁', '副总裁', '合伙人', '主理人', '代表', '总书记', '党员', '创办人', '摄影师', '省领导', '市领导', '区领导', '县领导', '镇领导',
];

/** Titles that name a group of people (市领导张三、李四): every name of the list after one holds it. */
export const GROUP_TITLES = new Set(['省领导', '市领导', '区领导', '县领导', '镇领导', '村民', '居民', '党员', '志愿者', '网格员']);
