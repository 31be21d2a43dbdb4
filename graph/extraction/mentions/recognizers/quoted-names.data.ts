// Quotation marks, and the cues that tell a quoted name from quoted emphasis or speech.
import { CARRYING_OUT } from '../../lexicon/verbs.ts';
import { DOCUMENT_SUFFIXES } from '../../lexicon/entity-suffixes.ts';

export const QUOTE_PAIRS: Record<string, string> = { '“': '”', '「': '」', '『': '』', '‘': '’' };
// “三位一体”工作格局: a quoted everyday phrase before one of these names a model or set-up.
export const NAMED_MODEL_AFTER = /^\p{Script=Han}{0,2}?(?:格局|架构|框架|模式|机制|体系)/u;
// 有“中国印刷城”“中国礼品城”之称: quoted titles a place is known by.
export const TITLE_AFTER_QUOTES = /^(?:[“"][^”"]{1,20}[”"]|、)*(?:等)?(?:之称|的称号|称号|的美誉|美誉)/;
// Quoted speech, not a name: sentence marks, 我们 or 你们; or a bare 我 or 你 in a quote longer
// than a slogan (“民呼我为” is a name, “我想回村里干事业” speech).
export const SPEECH = /[。！？；!?;]|我们|你们/;
export const FIRST_OR_SECOND_PERSON = /[我你]/;
export const SLOGAN_LENGTH = 6;
// “岭底山珍”等7家: 家 counts businesses.
export const COUNTED_BUSINESSES = /^等(?:\d+|[一二三四五六七八九十两]+)家/;
// A document's title right after the closing mark (“未来城区”行动方案).
export const DOCUMENT_TAIL = new RegExp(`^[\\p{Script=Han}A-Za-z0-9]{0,8}?(?:${DOCUMENT_SUFFIXES.join('|')})`, 'u');
// What follows a program's name.
export const AFTER_PROGRAM = new RegExp(
  `^(?:[、“”"‘’和与及等]|改革|模式|机制|品牌|应用|场景|系列|工作|重点|项目|平台|理念|体系|活动|服务|建设|改造|方面|入选|中榜|获|列为|被|成为|覆盖|让|为|${CARRYING_OUT.source})`,
);
// 首个“智慧护学岗”, 首个项目“全自动稳频半导体激光产业化”: a first of its kind, or a program named in apposition.
export const BEFORE_PROGRAM = /(?:[、”’和与及如]|首个|首家|首支|项目|品牌|应用|平台|工程|活动|行动)$/;
// 从‘分散执法’向‘集中执法’: the two ends of a change, not programs.
export const CHANGE_FROM = /(?:从|由|[”’](?:向|到))$/;
export const CHANGE_TO = /^[”’]?(?:向|到)[“‘]/;
// “七大民生工程”, “两个先行”, “十大场景”: quoted, a count of things is a name when what it counts
// is a kind of program; “三大差距”, “三个一批” count things, not programs.
export const COUNTED_PROGRAM =
  /^[二三四五六七八九十两百千]+[个大项张条](?:\p{Script=Han}*(?:工程|行动|计划|场景|清单|原则|先行|示范|机制|体系|模式|举措|战略|改革|品牌|平台|建设))$/u;
