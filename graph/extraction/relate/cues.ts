// Cues the relation rules share, besides the verbs (graph/lexicon/verbs.ts): what opens a
// sentence before its subject, who can act, posts, anaphors, and the parties of funding.
import type { DistrictLevel, EntityType } from '../../model.ts';

// What may stand before a sentence's subject: times and connectives (2021年, 今年以来, 同时,).
export const SUBJECT_OPENING =
  /^(?:(?:近|过去|这)?[\d一二三两四五六七八九十几]+(?:年|个月|月|天)(?:来|以来|里|中|间)?|\d+年(?:\d+月)?(?:\d+日)?|\d+月(?:\d+日)?|今年|去年|近年来|近年|目前|同时|此外|其中|另外|以来|上半年|下半年|截至目前|[，,、：:\s])*$/;

export const LEVEL_RANK: Record<DistrictLevel, number> = { province: 1, city: 2, county: 3, zone: 3, township: 4 };
/** Who can act in a sentence: carry out a program, issue, fund, be a party. */
export const ACTOR_TYPES = new Set<EntityType>(['District', 'Organization', 'Village', 'Company']);
/** Posts between an organization and a person's name (龙湾区委书记周一富). */
export const POSTS =
  /^(?:常务)?副?(?:常委|执行秘书长|副秘书长|秘书长|党委书记|副书记|书记|副主任|主任|副局长|局长|负责人|总经理|副总经理|经理|董事长|理事长|副院长|院长|副校长|校长|站长|所长|处长|科长|主席|社长|馆长|园长|队长|组长|部长|厅长|省长|市长|区长|县长|镇长|乡长|村长|委员|首席运营官|首席执行官|总裁|创始人|合伙人)/;
// 该社区已构建…, 全区将推动…, 村里引进…, 我省以…: “this community”, “the whole district”, “the
// village”, “our province”, opening a clause, stand for the last one named.
export const ANAPHOR = /[该全本](社区|街道|村|镇|乡|县|区|市|省)|(村|镇|乡|县|区|市)里|我(省|市|区|县|镇|村)/;
// A village collective invests too (某村以土地入股某公司).
export const FUNDERS = new Set<EntityType>(['Company', 'Organization', 'District', 'Village']);
export const FUNDED = new Set<EntityType>(['Program', 'Place', 'Company', 'Village']);
/** A post that names the level of its district (市长, 副县长, 市领导). */
export const LEVEL_POST = /^副?(省|市|区|县|镇|乡)(?:长|领导)$/;
/** A bare 村 (and its branch or committee) right before a post: 、村党支部书记. */
export const VILLAGE_POST_BEFORE = /(?:^|[^\p{Script=Han}]|[、，,和及])村(?:党支部|党总支|党委|委会|两委)?副?$/u;
/** The verbs of 由A与B共同出资建设. */
export const FUNDED_BY_VERBS = ['出资', '投资', '注资'];
/** X由A与B共同出资建设: the funders after 由, up to the verb (group 1). */
export const FUNDED_BY = new RegExp(`由[^，,。；;]{2,40}?(?:共同|联合)?(${FUNDED_BY_VERBS.join('|')})`, 'g');
/** 得到A、B等地的对口扶持: the parties up to the kind of support; group 2 when it pairs them. */
export const SUPPORTED_BY = /(得到|获得)[^，,。；;]{2,60}?的(对口|结对)?(?:扶持|帮扶|支持|支援|援助|资助)/g;
/** 某村村办企业, 村集体控股的企业: a firm the village owns (funds) and that lies in it. */
export const VILLAGE_OWNED = /村办(?:企业|公司)|村集体(?:全资|控股|占股|持股)/;
/** 是…践行/打造: a copula before the verb of doing, its phrase a description (…的战略举措). */
export const DESCRIBED_TASK = /是[^，,。；;“”]{0,8}(?:践行|打造|实现|推进|建设|落实|贯彻)/;
/** 该中心集合了A、B、C: a whole, then the verb that lists its parts. */
export const PARTS_LISTED = /集合了|集成了|下设|下辖|涵盖了?|整合了/;
/** 该中心, 该平台: the whole an anaphor stands for, by the word its name ends with. */
export const WHOLE_ANAPHOR = /该(中心|平台|系统|联合体|集团|协会|联盟|工程|项目)/;
