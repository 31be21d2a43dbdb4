// Names anchored on a type suffix (有限公司, 试点, 协会, 改革…): the words a name may hold.
import { PERSON_TITLES } from '../../lexicon/entity-suffixes.ts';

// How far before a suffix its name is looked for: a short reach first, the long one only when the
// name fills the short one (names are rarely over 20 characters).
export const SHORT_REACH = 12;
export const LONG_REACH = 24;
// 15所淳安学校, 50家域内外商会: a counted noun is a kind of thing, not one of them.
export const COUNTED_BEFORE = /[\d一二三四五六七八九十两百千]+[所个家座条处名]?$/u;
export const JOINT_ACTIONS = new Set(['合作', '共建', '签约', '联建', '携手', '结对', '对接', '联合']);
export const PEOPLE_OF = /^(?:家长|老师|教师|学生|师生|员工|职工|居民|村民|党员|干部|志愿者|工作人员|医生|护士)$/;
// A post after an organization's name (县委常务副书记): the people of the organization, not a longer name.
export const POST = new RegExp(`^(?:常务)?(?:${PERSON_TITLES.join('|')})`);
export const GOVERNMENT_LEVELS = new Set(['国家', '中央', '全国', '省', '市', '区', '县', '镇', '乡']);
export const SCOPED_DESIGNATION = /^(?:全国|全省|全市|首批|国家级|省级|市级)/;
export const BUILDING_VERBS = new Set(['建设', '新建', '扩建', '改建', '兴建', '筹建', '投资']);
export const FIRM_BUSINESSES = new Set(['开发', '建设', '投资', '运营', '管理', '服务', '发展', '经营', '贸易', '实业', '置业']);
export const PILOT_SCOPE = new Set(['全省', '全国', '全市', '首批', '省', '国家', '国家级', '省级', '市级']);
