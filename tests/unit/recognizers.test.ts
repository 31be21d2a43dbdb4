// Each recognizer alone on a short text written for it (spaCy's test_entity_ruler), after only the
// recognizers whose findings it reads; extract-rules*.test.ts run them all together. The texts are
// about places the evaluation sets do not cover.
import { describe, expect, it } from 'vitest';
import { bookTitles } from '../../graph/extraction/mentions/recognizers/book-titles.ts';
import { designations, issuedDocuments } from '../../graph/extraction/mentions/recognizers/designations.ts';
import { documentIssuers } from '../../graph/extraction/mentions/recognizers/document-issuers.ts';
import { enumerations } from '../../graph/extraction/mentions/recognizers/enumerations.ts';
import { headquarters } from '../../graph/extraction/mentions/recognizers/headquarters.ts';
import { localAuthorities } from '../../graph/extraction/mentions/recognizers/local-authorities.ts';
import { officialDivisions } from '../../graph/extraction/mentions/recognizers/official-divisions.ts';
import { pageCredits } from '../../graph/extraction/mentions/recognizers/page-credits.ts';
import { persons } from '../../graph/extraction/mentions/recognizers/persons.ts';
import { quotedNames } from '../../graph/extraction/mentions/recognizers/quoted-names.ts';
import { shortDivisions } from '../../graph/extraction/mentions/recognizers/short-divisions.ts';
import { suffixNames } from '../../graph/extraction/mentions/recognizers/suffix-names.ts';
import { segmentedPersons } from '../../graph/extraction/mentions/recognizers/segmented-persons.ts';
import { villages } from '../../graph/extraction/mentions/recognizers/villages.ts';
import { findMentions, named, recognize } from '../support/extraction-stages.ts';

describe('marked names', () => {
  it('book-titles: a title is a document, a newspaper or a periodical named by its title', () => {
    const found = recognize(bookTitles, '磐安县印发《磐安县山区民宿三年行动计划》，《钱江晚报》作了报道，《山海经纬》新闻周刊也有关注。');
    expect(named(found)).toEqual([
      ['Document', '磐安县山区民宿三年行动计划'],
      ['Organization', '钱江晚报'],
      ['Organization', '山海经纬新闻周刊'],
    ]);
  });

  it('document-issuers: the issuers heading a title, central bodies or names ending like an organization', () => {
    const found = recognize(
      documentIssuers,
      '《磐安县人民政府办公室关于加快山区乡村运营的通知》印发后，各地学习《最高人民法院 最高人民检察院关于办理破坏森林资源刑事案件的解释》。' +
        '《山区乡村运营关于若干问题的说明》发布。',
    );
    expect(named(found)).toEqual([
      ['Organization', '磐安县人民政府办公室'],
      ['Organization', '最高人民法院'],
      ['Organization', '最高人民检察院'],
    ]);
  });

  it('quoted-names: a quoted program carried out; a quoted figure of speech only as a doubtful quote, with what doubts it', () => {
    const found = recognize(quotedNames, '武义县推行“村播带货”，打出“组合拳”，啃下“硬骨头”，建成“共富”。');
    expect(named(found.filter((c) => c.via === 'quote'))).toEqual([['Program', '村播带货']]);
    expect(found.filter((c) => c.via === 'doubtful-quote').map((c) => [c.name, c.doubt])).toEqual([
      ['组合拳', 'nothing-done'],
      ['硬骨头', 'nothing-done'],
      ['共富', 'policy-word'],
    ]);
  });

  it('designations: what a verb of selection names up to the clause’s end, each of a list; a bare 获 only before a prize', () => {
    const found = recognize(designations, '磐安县尖山镇栗岭村获评省级森林乡村试点、全国乡村治理示范点，还获村民点赞。');
    expect(named(found)).toEqual([
      ['Pilot', '省级森林乡村试点'],
      ['Pilot', '全国乡村治理示范点'],
    ]);
  });

  it('issued-documents: what a verb of issuing names without title marks, item by item', () => {
    const found = recognize(issuedDocuments, '磐安县编制中药材产业发展规划、山区民宿发展实施意见，推动落实。');
    expect(named(found)).toEqual([
      ['Document', '中药材产业发展规划'],
      ['Document', '山区民宿发展实施意见'],
    ]);
  });

  it('headquarters: a coined name before 总部 is a company; ordinary words and buildings are not', () => {
    expect(named(recognize(headquarters, '磐安县引进岚峤智造总部和一批企业总部，建成总部大楼。'))).toEqual([['Company', '岚峤智造']]);
  });

  it('official-divisions: divisions by their full names and levels, zones named after one; no 发展乡 in 发展乡村', () => {
    const found = recognize(officialDivisions, '磐安县尖山镇和龙游县溪口镇发展乡村旅游，磐安县高新区引进项目。');
    expect(found.map((c) => [c.name, c.via, c.level])).toEqual([
      ['磐安县', 'division', 'county'],
      ['尖山镇', 'division', 'township'],
      ['龙游县', 'division', 'county'],
      ['溪口镇', 'division', 'township'],
      ['磐安县', 'division', 'county'],
      ['磐安县高新区', 'zone', 'zone'],
    ]);
    // 尖山镇 names towns in more than one province: each is kept, for resolution to decide.
    expect(found[1]!.divisions?.map((d) => d.code)).toContain('330727109');
  });

  it('persons: after a post or a group title and its list, after an age, with a term of address', () => {
    const found = recognize(
      persons,
      '尖山镇党委书记余建平说，村民汪大伯也来了。村里83岁的程桂英，每天都去文化礼堂。县领导方卫东、郑立群、吴晓燕等出席。',
    );
    expect(new Set(found.map((c) => c.name))).toEqual(new Set(['余建平', '汪大伯', '程桂英', '方卫东', '郑立群', '吴晓燕']));
    expect(found.find((c) => c.name === '余建平')?.title).toBe('党委书记');
    expect(found.filter((c) => c.title === '县领导').map((c) => c.name)).toEqual(['方卫东', '郑立群', '吴晓燕']);
  });
});

describe('places, within the report’s region', () => {
  it('short-divisions: a township’s short form where it is named in full, a county’s within the region, a zone after one', () => {
    const found = recognize(shortDivisions, '磐安县尖山镇推进工作。尖山今年建成民宿，磐安和婺源结对。磐安经济开发区引进项目。', [
      officialDivisions,
    ]);
    // 婺源 is a county of another province: outside the report's region.
    expect(found.map((c) => [c.name, c.via, c.level])).toEqual([
      ['尖山', 'short-division', 'township'],
      ['磐安', 'short-division', 'county'],
      ['磐安', 'short-division', 'county'],
      ['磐安经济开发区', 'zone', 'zone'],
    ]);
  });

  it('villages: villages of the register in the region, right after their township or listed', () => {
    const found = recognize(villages, '磐安县尖山镇栗岭村、里岙村推进工作。', [officialDivisions]);
    expect(named(found)).toEqual([
      ['Village', '栗岭村'],
      ['Village', '里岙村'],
    ]);
    expect(found[0]!.divisions?.map((d) => d.code)).toEqual(['330727109200']);
    // Without the divisions that make the region, nothing is read as a village.
    expect(recognize(villages, '磐安县尖山镇栗岭村、里岙村推进工作。')).toEqual([]);
  });
});

describe('names', () => {
  it('local-authorities: a bare 县委 or 县政府 is the home district’s; 省委 keeps its name', () => {
    const found = recognize(localAuthorities, '磐安县召开会议。磐安县推进工作。县委、县政府高度重视，省委也有部署。', [officialDivisions]);
    expect(found.map((c) => [c.name, c.alias])).toEqual([
      ['磐安县委', '县委'],
      ['磐安县政府', '县政府'],
      ['省委', '省委'],
    ]);
  });

  it('local-authorities: an organization named after a bare 县 becomes the home district’s', () => {
    const text = '磐安县召开会议。磐安县推进工作，县药材产业协会牵头。';
    const [candidates] = findMentions([officialDivisions, suffixNames, localAuthorities], [text]);
    expect(candidates!.find((c) => c.alias === '县药材产业协会')).toMatchObject({ type: 'Organization', name: '磐安县药材产业协会' });
    // Without the recognizer, it stays as written.
    const [without] = findMentions([officialDivisions, suffixNames], [text]);
    expect(without!.find((c) => c.name === '县药材产业协会')).toBeDefined();
  });

  it('suffix-names: a name ending in a type suffix, cut on the left; not a field of policy, a count or a description', () => {
    const found = recognize(suffixNames, '磐安县药材行业协会成立，完善县域治理体系，健全七大机制，新建小区投用。', [officialDivisions]);
    expect(named(found)).toEqual([['Organization', '磐安县药材行业协会']]);
  });

  it('enumerations: the items of a list a category noun after 等 names, programs or the firms behind projects', () => {
    expect(named(recognize(enumerations, '尖山镇推出山货直播、民宿联营、乡村运营等6个项目。'))).toEqual([
      ['Program', '山货直播'],
      ['Program', '民宿联营'],
      ['Program', '乡村运营'],
    ]);
    expect(named(recognize(enumerations, '尖山镇引进凯瑞德、蓝湾光电等3个项目。'))).toEqual([
      ['Company', '凯瑞德'],
      ['Company', '蓝湾光电'],
    ]);
  });
});

describe('the page', () => {
  it('page-credits: the outlet and the people the page credits, with their role', () => {
    const found = recognize(pageCredits, '磐安推进乡村运营\n来源：磐安新闻网\n记者 周海明 通讯员 余建平\n\n正文如下。');
    expect(found.map((c) => [c.type, c.name, c.title])).toEqual([
      ['Organization', '磐安新闻网', undefined],
      ['Person', '周海明', 'reporter'],
      ['Person', '余建平', 'correspondent'],
    ]);
  });
});

describe('people the segmentation reads', () => {
  it('segmented-persons: a word jieba made up that starts with a surname, not a dictionary noun nor a word ending like an adjective', () => {
    const found = recognize(segmentedPersons, '开化县县长俞梓豪日前调研，普惠性托育和熊猫乐园都受欢迎。');
    expect(named(found)).toEqual([['Person', '俞梓豪']]);
  });
});
