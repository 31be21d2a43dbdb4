// Each relation rule alone on a short report written for it (spaCy's test_entity_ruler): the report
// is read and resolved as the pipeline does, then only that rule runs; extract-rules*.test.ts run
// all of them together. The texts are about places the evaluation sets do not cover.
import { describe, expect, it } from 'vitest';
import { funding, supportedBy, villageOwned } from '../../graph/extraction/relate/rules/funds.ts';
import { postHolder } from '../../graph/extraction/relate/rules/holds-position.ts';
import { programImplementer } from '../../graph/extraction/relate/rules/implements.ts';
import { issuedDocument, issuersInTitle } from '../../graph/extraction/relate/rules/issued.ts';
import { firmInItsPlace, placeAfterDivision, placedByVerb } from '../../graph/extraction/relate/rules/located-in.ts';
import { organizationInName, partsListed, programAfterProgram } from '../../graph/extraction/relate/rules/part-of.ts';
import { partners } from '../../graph/extraction/relate/rules/partners-with.ts';
import { listedAfterDesignation, selectedAsPilot } from '../../graph/extraction/relate/rules/selected-as.ts';
import { creditLines, officialHierarchy, relate } from '../support/extraction-stages.ts';

// Reports open on the district they are about, as the pages do: it is the actor a sentence without a subject falls back on.
const OPENING = '磐安县推进乡村运营。';

describe('LOCATED_IN', () => {
  it('place-after-division: a place written right after the division it lies in', () => {
    expect(relate('磐安县尖山镇栗岭村建成民宿。', [placeAfterDivision])).toEqual([
      ['LOCATED_IN', '尖山镇', '磐安县'],
      ['LOCATED_IN', '栗岭村', '尖山镇'],
    ]);
  });

  it('firm-in-its-place: a firm or a zone lies in the innermost place its name starts with', () => {
    expect(relate(`${OPENING}磐安县尖山镇药材专业合作社成立。`, [firmInItsPlace])).toEqual([
      ['LOCATED_IN', '磐安县尖山镇药材专业合作社', '尖山镇'],
    ]);
    expect(relate(`${OPENING}去年，尖山镇生态度假区建成开放。`, [firmInItsPlace])).toEqual([['LOCATED_IN', '尖山镇生态度假区', '尖山镇']]);
  });

  it('placed-by-verb: the thing before 位于 lies in the place after it', () => {
    expect(relate(`${OPENING}岚峤智造总部位于磐安县尖山镇。`, [placedByVerb])).toEqual([['LOCATED_IN', '岚峤智造', '磐安县']]);
    expect(relate(`${OPENING}在位于尖山镇1985公园的托育园里，老师引导婴幼儿。`, [placedByVerb])).toEqual([
      ['LOCATED_IN', '1985公园', '尖山镇'],
    ]);
  });

  it('the official hierarchy: a place in its nearest parent, where a sentence names the parent first', () => {
    expect(officialHierarchy('磐安县推进工作。今年磐安县在尖山镇栗岭村建成民宿。')).toEqual([
      ['尖山镇', '磐安县'],
      ['栗岭村', '尖山镇'],
    ]);
    // Chinese writes the larger place first: named after the village, the county says nothing of where it is.
    expect(officialHierarchy('栗岭村的民宿火了，整个磐安县都知道。')).toEqual([]);
  });
});

describe('HOLDS_POSITION', () => {
  it('post-holder: a person after an organization and a post', () => {
    expect(relate('磐安县推进乡村运营。磐安县林业局局长周海明到尖山镇调研。', [postHolder])).toEqual([
      ['HOLDS_POSITION', '周海明', '磐安县林业局'],
    ]);
    expect(relate(`${OPENING}尖山镇栗岭村党总支书记余建平说，村里发展药材。`, [postHolder])).toEqual([
      ['HOLDS_POSITION', '余建平', '尖山镇栗岭村党总支'],
    ]);
  });

  it('post-holder: a post naming its level in the district of that level, a bare 村’s post in the village named last', () => {
    expect(relate(`${OPENING}磐安县县长方卫东出席。`, [postHolder])).toEqual([['HOLDS_POSITION', '方卫东', '磐安县']]);
    expect(relate('磐安县尖山镇栗岭村推进乡村运营，村党支部书记余建平说，今年收入翻番。', [postHolder])).toEqual([
      ['HOLDS_POSITION', '余建平', '栗岭村'],
    ]);
  });

  it('the credit lines: a reporter credited on a header line holds a post in the outlet named on it', () => {
    expect(creditLines('来源：磐安新闻网 记者 周海明\n\n磐安县推进乡村运营。')).toEqual([['HOLDS_POSITION', '周海明', '磐安新闻网']]);
  });
});

describe('PART_OF', () => {
  it('organization-in-name: an organization named at the start of a longer one’s name', () => {
    expect(relate(`${OPENING}磐安县公安局情报指挥中心建成。`, [organizationInName])).toEqual([
      ['PART_OF', '磐安县公安局情报指挥中心', '磐安县公安局'],
    ]);
  });

  it('program-after-program: a quoted program right after the larger one it belongs to', () => {
    expect(relate('磐安县实施“药乡振兴”建设，上线药乡振兴“磐安山码”系列应用。', [programAfterProgram])).toEqual([
      ['PART_OF', '磐安山码', '药乡振兴'],
    ]);
  });

  it('parts-listed: the parts a whole is said to bring together', () => {
    const text = '磐安县建成磐安县乡村治理服务中心。该中心集合了纠纷调解指挥中心、群众诉求受理的民情联络中心。';
    expect(relate(text, [partsListed])).toEqual([
      ['PART_OF', '纠纷调解指挥中心', '磐安县乡村治理服务中心'],
      ['PART_OF', '民情联络中心', '磐安县乡村治理服务中心'],
    ]);
  });
});

describe('ISSUED', () => {
  it('issued-document: the organizations before a verb of issuing, else the actor', () => {
    expect(relate(`${OPENING}磐安县林业局、磐安县财政局联合下发《山区民宿提升三年行动计划》。`, [issuedDocument])).toEqual([
      ['ISSUED', '磐安县林业局', '山区民宿提升三年行动计划'],
      ['ISSUED', '磐安县财政局', '山区民宿提升三年行动计划'],
    ]);
    expect(relate(`${OPENING}今年出台《山区民宿提升三年行动计划》。`, [issuedDocument])).toEqual([
      ['ISSUED', '磐安县', '山区民宿提升三年行动计划'],
    ]);
  });

  it('issuers-in-title: the issuers heading a document’s title', () => {
    expect(relate(`${OPENING}各乡镇学习《磐安县人民政府办公室关于加快山区乡村运营的通知》。`, [issuersInTitle])).toEqual([
      ['ISSUED', '磐安县人民政府办公室', '磐安县人民政府办公室关于加快山区乡村运营的通知'],
    ]);
  });
});

describe('SELECTED_AS', () => {
  it('selected-as-pilot: what the clause of a verb of selection names, before 被 in the passive', () => {
    expect(relate(`${OPENING}栗岭村被省林业局确定为省级森林乡村试点。`, [selectedAsPilot])).toEqual([
      ['SELECTED_AS', '栗岭村', '省级森林乡村试点'],
    ]);
  });

  it('selected-as-pilot: the name right before the pilot; a place building one implements it', () => {
    expect(relate(`${OPENING}“尖山漂流”省级药材工坊试点建成。`, [selectedAsPilot])).toEqual([
      ['SELECTED_AS', '尖山漂流', '省级药材工坊试点'],
    ]);
    expect(relate('磐安县高质量发展建设中药材产业示范区。', [selectedAsPilot])).toEqual([['IMPLEMENTS', '磐安县', '中药材产业示范区']]);
  });

  it('listed-after-designation: the items listed after a designation’s 其中', () => {
    expect(relate('近日，全省公布了第二批森林乡村试点，其中磐安县的栗岭村、里岙村入选。', [listedAfterDesignation])).toEqual([
      ['SELECTED_AS', '栗岭村', '第二批森林乡村试点'],
      ['SELECTED_AS', '里岙村', '第二批森林乡村试点'],
    ]);
  });
});

describe('IMPLEMENTS', () => {
  it('program-implementer: the village opening the clause, else the actor, carries out the program', () => {
    expect(relate('磐安县尖山镇推进乡村运营。栗岭村实施“红色代办”服务。', [programImplementer])).toEqual([
      ['IMPLEMENTS', '栗岭村', '红色代办'],
    ]);
    expect(relate(`${OPENING}今年大力实施“药乡振兴”工程。`, [programImplementer])).toEqual([['IMPLEMENTS', '磐安县', '药乡振兴工程']]);
  });

  it('program-implementer: after 是, a verb of doing describes a task nobody carries out there', () => {
    expect(relate(`${OPENING}这是忠实践行“山海协同”理念、奋力打造“药乡高地”的重要举措。`, [programImplementer])).toEqual([]);
  });
});

describe('PARTNERS_WITH', () => {
  it('partners: two parties joined by 与 in a sentence of partnership; the subject and the place 与 names', () => {
    expect(relate(`${OPENING}磐安县与武义县签订结对协议。`, [partners])).toContainEqual(['PARTNERS_WITH', '磐安县', '武义县']);
    expect(relate('磐安县今年以来，与武义县共建“山海飞地”，两地结对发展。', [partners])).toEqual([['PARTNERS_WITH', '磐安县', '武义县']]);
  });
});

describe('FUNDS', () => {
  it('funding: an organization early in a sentence about money funds what gets it', () => {
    expect(relate('磐安县财政局拨付资金，“药乡飞地”项目获补助资金300万元。', [funding])).toEqual([
      ['FUNDS', '磐安县财政局', '药乡飞地项目'],
    ]);
  });

  it('funding: the party before a verb of investing funds what its clause builds, not a speaker’s office', () => {
    const text = `${OPENING}磐安县发展和改革局副局长周磊介绍，浙中恒盛集团投资2亿元建设尖山药材产业园。`;
    expect(relate(text, [funding])).toEqual([['FUNDS', '浙中恒盛集团', '尖山药材产业园']]);
  });

  it('funding: 由A与B共同出资 makes both funders, and partners', () => {
    expect(relate('磐安县推进旅游。“尖山漂流”景区由磐安文旅集团与浙中旅游集团共同出资建设。', [funding])).toEqual([
      ['FUNDS', '磐安文旅集团', '尖山漂流景区'],
      ['FUNDS', '浙中旅游集团', '尖山漂流景区'],
      ['PARTNERS_WITH', '磐安文旅集团', '浙中旅游集团'],
    ]);
  });

  it('supported-by: each party listed after 得到 funds the subject; 对口 pairs them', () => {
    expect(relate('武义县推进乡村振兴。武义县先后得到龙游县、磐安县等地的对口帮扶。', [supportedBy])).toEqual([
      ['FUNDS', '龙游县', '武义县'],
      ['PARTNERS_WITH', '武义县', '龙游县'],
      ['FUNDS', '磐安县', '武义县'],
      ['PARTNERS_WITH', '武义县', '磐安县'],
    ]);
  });

  it('village-owned: a village funds the firm it owns, which lies in it', () => {
    expect(relate(`${OPENING}磐安栗岭农业开发有限公司是尖山镇栗岭村的村办公司。`, [villageOwned])).toEqual([
      ['FUNDS', '栗岭村', '磐安栗岭农业开发有限公司'],
      ['LOCATED_IN', '磐安栗岭农业开发有限公司', '栗岭村'],
    ]);
  });
});
