// Small golden texts, written for these tests about places the seeds do not cover: each states
// what one rule must find, so a rule that only fits the seeds shows here.
import { describe, expect, it } from 'vitest';
import { extract, finds, partners, relates } from '../support/rules.ts';

describe('extraction rules', () => {
  it('reads the designation after a verb of selection, and what was selected', () => {
    const data = extract(
      '丽水市莲都区举行推进会。会上介绍，碧湖镇下南山村获评首批“省级未来乡村示范村”，' +
        '大港头镇入选浙江省第三批美丽城镇建设样板名单，“云和师傅”等5个项目获省级共同富裕最佳实践。',
    );
    expect(finds(data, '省级未来乡村示范村')).toMatchObject({ type: 'Pilot' });
    expect(finds(data, '浙江省第三批美丽城镇建设样板名单')).toMatchObject({ type: 'Pilot' });
    expect(relates(data, 'SELECTED_AS', '下南山村', '省级未来乡村示范村')).toBe(true);
    // 获 alone is read only before a prize; 获省级共同富裕最佳实践 is not one.
    expect(finds(data, '5个项目获省级共同富裕最佳实践')).toBeUndefined();
    // A count of pilots at a level is a category.
    const counted = extract('莲都区成功入选国家农业绿色发展先行区等3个国家级试点。');
    expect(finds(counted, '国家级试点')).toBeUndefined();
  });

  it("names a bare 区 organization after the report's own district, and people by address or credit", () => {
    const data = extract(
      '嘉兴市南湖区推进共同富裕\n\n今年以来，南湖区由区共富领导小组统筹协调，区委社建委牵头推进。' +
        '南湖二中家长对新校区赞不绝口。留守老人钱大爷说，日子越过越好。\n\n图为新建的文化礼堂。\n\n沈杰 摄\n',
    );
    expect(finds(data, '南湖区共富领导小组')).toMatchObject({ type: 'Organization', aliases: expect.arrayContaining(['区共富领导小组']) });
    expect(finds(data, '南湖区委社建委')).toMatchObject({ type: 'Organization' });
    expect(finds(data, '南湖二中')).toMatchObject({ type: 'Organization' });
    expect(finds(data, '钱大爷')).toMatchObject({ type: 'Person' });
    expect(finds(data, '沈杰')).toMatchObject({ type: 'Person' });
  });

  it('finds the program several names are built on where the report writes it alone', () => {
    const data = extract(
      '丽水市莲都区推进美丽城镇建设。大港头镇入选省级美丽城镇样板，碧湖镇启动“美丽城镇提升行动”，' +
        '老竹畲族镇获评美丽城镇建设先进单位。美丽城镇让群众得到实惠，社会治理也更加有效。',
    );
    expect(finds(data, '美丽城镇')).toMatchObject({ type: 'Program' });
    expect(finds(data, '美丽城镇')!.mentions).toHaveLength(2);
    // A field of policy is not a program, however often it is written.
    expect(finds(data, '社会治理')).toBeUndefined();
  });

  it('tells quoted programs from quoted figures of speech', () => {
    const data = extract('衢州市柯城区推行“村情通”，上线“邻礼通”应用，打好“组合拳”，啃下“硬骨头”，让“诗和远方”触手可及。');
    expect(finds(data, '村情通')).toMatchObject({ type: 'Program' });
    expect(finds(data, '邻礼通')).toMatchObject({ type: 'Program' });
    for (const figure of ['组合拳', '硬骨头', '诗和远方']) expect(finds(data, figure)).toBeUndefined();
    // A doubtful quote takes no characters from another reading: the province in “浙江牌” stays.
    expect(finds(extract('丽水市打好“浙江牌”。'), '浙江省')).toMatchObject({ type: 'District' });
  });

  it('names unquoted platforms and systems only when something proper names them', () => {
    const data = extract(
      '湖州市安吉县上线安吉两山银行服务平台，完善县域治理体系，健全七大机制。' +
        '“竹乡味道”等3家企业获评省级农家乐示范点。度假区党工委书记、管委会主任王建华出席。“丽水山耕”得到省领导肯定。',
    );
    // A program does not take the name of the district running it (as in the seeds' gold).
    expect(finds(data, '两山银行服务平台')).toMatchObject({ type: 'Program' });
    for (const generic of ['县域治理体系', '七大机制']) expect(finds(data, generic)).toBeUndefined();
    expect(finds(data, '竹乡味道')).toMatchObject({ type: 'Company' });
    expect(data.entities.filter((e) => e.type === 'Person').map((e) => e.name)).not.toContain('管委会');
    // A quoted name does not run on into its clause's verb.
    expect(data.entities.some((e) => e.name.startsWith('丽水山耕得到'))).toBe(false);
  });

  it('leaves out counts, counted kinds and the general vocabulary of policy', () => {
    const data = extract('温州市瓯海区推进“三个一批”，落实“先行先试”，结对12所泰顺学校，建设四大产业基地，实施“一张网管全域”改革。');
    for (const phrase of ['三个一批', '先行先试', '泰顺学校', '四大产业基地']) expect(finds(data, phrase)).toBeUndefined();
    expect(finds(data, '一张网管全域')).toBeDefined();
  });

  it('reads the names quoted inside speech, and places named by a number', () => {
    const data = extract(
      '台州市路桥区金清镇党委书记陈立说：“我们建设‘路桥码’统一入口，上线‘金清通’，让群众少跑腿。”' +
        '在位于路桥区1978公园的托育园里，老师引导婴幼儿。',
    );
    expect(finds(data, '路桥码')).toMatchObject({ type: 'Program' });
    expect(finds(data, '金清通')).toMatchObject({ type: 'Program' });
    expect(finds(data, '1978公园')).toMatchObject({ type: 'Place' });
  });

  it('finds companies by their headquarters and the bare names listed beside them', () => {
    const data = extract(
      '舟山市定海区推进产业升级。3月1日，瀚澄智联总部正式开工。澜沧微电、瀚澄智联、云栖数科持续发力。集团总部搬迁完成。',
    );
    for (const name of ['瀚澄智联', '澜沧微电', '云栖数科']) expect(finds(data, name)).toMatchObject({ type: 'Company' });
    expect(finds(data, '集团')).toBeUndefined();
  });

  it('reads examples, numbered programs and systems named after a community', () => {
    const data = extract('绍兴市越城区推广数字应用，如‘城管通’‘民情码’。今年启动“8890”便民服务计划，塔山社区智慧社区系统投入使用。');
    for (const name of ['城管通', '民情码', '8890便民服务计划', '塔山社区智慧社区系统'])
      expect(finds(data, name)).toMatchObject({ type: 'Program' });
  });

  it('reads documents issued without title marks, and not the two ends of a change', () => {
    const data = extract('金华市婺城区编制全域旅游发展规划、城乡供水一体化实施方案。改革实现从‘多头管理’向‘统一管理’的转变。');
    expect(finds(data, '全域旅游发展规划')).toMatchObject({ type: 'Document' });
    expect(finds(data, '城乡供水一体化实施方案')).toMatchObject({ type: 'Document' });
    for (const end of ['多头管理', '统一管理']) expect(finds(data, end)).toBeUndefined();
  });

  it('reads programs quoted inside titles, and areas (片区) as zones', () => {
    const data = extract('金华市婺城区印发《关于开展“清廉村居”建设行动的通知》。白龙桥片区投资增长。');
    expect(finds(data, '清廉村居')).toMatchObject({ type: 'Program' });
    expect(finds(data, '白龙桥片区')).toMatchObject({ type: 'District', level: 'zone' });
  });

  it('reads the firms named in a list of projects', () => {
    const data = extract('嘉兴市秀洲区完成澜汐、科睿达、蓝澄光电等3个有机更新项目入库。');
    for (const name of ['科睿达', '蓝澄光电']) expect(finds(data, name)).toMatchObject({ type: 'Company' });
  });

  it("reads a campaign's brand as a program, and who invests in what a clause goes on to build", () => {
    const data = extract('宁波市海曙区持续深化“共富工坊”建设。宁波舟山港集团投资5亿元建设梅山港区，北仑港区吞吐量创新高。');
    expect(finds(data, '共富工坊')).toMatchObject({ type: 'Program' });
    expect(finds(data, '梅山港区')).toMatchObject({ type: 'Place' });
    expect(finds(data, '建设梅山港区')).toBeUndefined();
    expect(finds(data, '北仑港区')).toMatchObject({ type: 'Place' });
    expect(relates(data, 'FUNDS', '宁波舟山港集团', '梅山港区')).toBe(true);
  });

  it('reads villages after a common word or right after their township, but not ordinary words that are also village names', () => {
    const data = extract('湖州市安吉县天荒坪镇余村是“两山”理念诞生地。余村联合周边黄杜村组建强村联盟。建德市寿昌镇实施城中村改造。');
    expect(finds(data, '余村')).toMatchObject({ type: 'Village', code: expect.stringMatching(/^330523108/) });
    expect(finds(data, '黄杜村')).toMatchObject({ type: 'Village', code: expect.stringMatching(/^330523/) });
    // 城中村 is a village of 寿昌镇 in the registry, and an everyday word for an urban village.
    expect(finds(data, '城中村')).toBeUndefined();
  });

  it('makes the innermost of places written one inside the next the subject, and pairs it with the place 与 names', () => {
    const data = extract('台州市黄岩区深入实施“山海协作”工程，与衢州市开化县共建产业平台。');
    expect(relates(data, 'IMPLEMENTS', '黄岩区', '山海协作工程')).toBe(true);
    expect(relates(data, 'IMPLEMENTS', '台州市', '山海协作工程')).toBe(false);
    expect(partners(data, '开化县', '黄岩区')).toBe(true);
  });

  it('reads bureaus named after two fields joined by 和, and not lists of people', () => {
    const data = extract('黄岩区经济和信息化局局长王海峰说，区人力资源和社会保障局开展专项行动，企业和群众办事更方便。');
    expect(finds(data, '黄岩区经济和信息化局')).toMatchObject({ type: 'Organization' });
    expect(finds(data, '区人力资源和社会保障局')).toMatchObject({ type: 'Organization' });
    expect(relates(data, 'HOLDS_POSITION', '王海峰', '黄岩区经济和信息化局')).toBe(true);
    expect(data.entities.filter((e) => e.name.includes('群众'))).toEqual([]);
  });

  it("mentions the official places an organization's name is built on", () => {
    const data = extract('绍兴市柯桥区齐贤街道羊山村党委书记沈建华介绍，村里发展石文化旅游。');
    expect(finds(data, '绍兴市柯桥区齐贤街道羊山村党委')).toMatchObject({ type: 'Organization' });
    expect(finds(data, '齐贤街道')).toMatchObject({ type: 'District', code: '330603005' });
    expect(relates(data, 'LOCATED_IN', '齐贤街道', '柯桥区')).toBe(true);
  });

  it("keeps a firm's line of business in its name, and the whole firm as the one investing", () => {
    const data = extract('绍兴市柯桥区成立了柯桥区羊山石文化旅游开发有限公司。温州市城市建设投资集团投资5亿元建设梅山港区。');
    expect(finds(data, '柯桥区羊山石文化旅游开发有限公司')).toMatchObject({ type: 'Company' });
    expect(finds(data, '温州市城市建设投资集团')).toMatchObject({ type: 'Company' });
    expect(relates(data, 'FUNDS', '温州市城市建设投资集团', '梅山港区')).toBe(true);
    expect(relates(data, 'FUNDS', '温州市', '梅山港区')).toBe(false);
  });

  it('reads designations named in full, the selected one of a passive, partners before a joint action, and places named after a town', () => {
    const data = extract(
      '丽水市缙云县是全国首批农村集体经营性建设用地入市试点县。2022年，缙云县被国家发展改革委确定为全国县域商业体系建设示范县。' +
        '缙云县壶镇镇与浙江工业大学合作建设壶镇智能装备产业园。',
    );
    expect(finds(data, '全国首批农村集体经营性建设用地入市试点县')).toMatchObject({ type: 'Pilot' });
    expect(finds(data, '用地入市试点县')).toBeUndefined();
    expect(finds(data, '国家发展改革委')).toMatchObject({ type: 'Organization' });
    expect(relates(data, 'SELECTED_AS', '缙云县', '全国县域商业体系建设示范县')).toBe(true);
    expect(relates(data, 'SELECTED_AS', '国家发展改革委', '全国县域商业体系建设示范县')).toBe(false);
    expect(finds(data, '浙江工业大学')).toMatchObject({ type: 'Organization' });
    expect(finds(data, '浙江省')).toBeUndefined();
    expect(finds(data, '壶镇智能装备产业园')).toMatchObject({ type: 'Place' });
  });

  it('reads a villager named before what they set up or run', () => {
    const data = extract('舟山市普陀区东极镇庙子湖村村民陈海波开办的渔家乐年收入超过50万元。');
    expect(finds(data, '陈海波')).toMatchObject({ type: 'Person' });
    expect(finds(data, '庙子湖村')).toMatchObject({ type: 'Village' });
  });

  it('makes the organization, not the zone its name starts with, the issuer', () => {
    const data = extract('义乌市人民政府与中国（浙江）自由贸易试验区金义片区管委会联合发布《义乌市促进跨境电商高质量发展若干措施》。');
    expect(relates(data, 'ISSUED', '自由贸易试验区金义片区管委会', '义乌市促进跨境电商高质量发展若干措施')).toBe(true);
    expect(relates(data, 'ISSUED', '自由贸易试验区金义片区', '义乌市促进跨境电商高质量发展若干措施')).toBe(false);
  });

  it("makes the place an anaphor (该县, 该社区) stands for the actor, not the speaker's organization", () => {
    const data = extract(
      '湖州市德清县入选第二批试点名单。德清县委书记王珏表示，该县将深入实施“强村富民”集成改革。' +
        '仙潭村党委副书记沈蓉说，该村已构建“三位一体”工作格局。',
    );
    expect(finds(data, '强村富民集成改革')).toMatchObject({ type: 'Program', aliases: expect.arrayContaining(['强村富民']) });
    expect(relates(data, 'IMPLEMENTS', '德清县', '强村富民集成改革')).toBe(true);
    expect(relates(data, 'IMPLEMENTS', '德清县委', '强村富民集成改革')).toBe(false);
    // An everyday phrase quoted as the name of a set-up is a program all the same.
    expect(finds(data, '三位一体')).toMatchObject({ type: 'Program' });
    expect(relates(data, 'IMPLEMENTS', '仙潭村', '三位一体')).toBe(true);
    // 宅基地 is a kind of land, not a 基地.
    expect(extract('德清县实施强村富农乡村集成宅基地改革。').entities.some((e) => e.name.endsWith('宅基地'))).toBe(false);
  });

  it("pairs the innermost place, and tells investors and speakers' offices from funders", () => {
    const data = extract(
      '衢州市江山市推进山海协作。11月18日，江山市与杭州市萧山区签订新一轮山海协作结对协议，资金用于支持大陈乡大陈村发展乡村旅游。' +
        '江山市发展和改革局副局长周磊介绍，浙江恒逸集团投资2亿元建设江山化纤产业园。',
    );
    expect(relates(data, 'PARTNERS_WITH', '江山市', '萧山区')).toBe(true);
    expect(relates(data, 'PARTNERS_WITH', '江山市', '杭州市')).toBe(false);
    // There is a 发展乡 in Heilongjiang; here 发展 is a verb and 乡 begins 乡村.
    expect(finds(data, '发展乡')).toBeUndefined();
    expect(finds(data, '大陈乡')).toMatchObject({ type: 'District', code: '330881201' });
    expect(relates(data, 'FUNDS', '浙江恒逸集团', '江山化纤产业园')).toBe(true);
    expect(relates(data, 'FUNDS', '江山市发展和改革局', '浙江恒逸集团')).toBe(false);
  });

  it("reads a wire service's outlet, a former post and a government that issues", () => {
    const data = extract(
      '安吉余村的绿色共富路\n\n新华社杭州11月20日电（中央社记者 林家豪）\n\n' +
        '2003年，时任浙江省委书记习近平启动“千村示范、万村整治”工程。安吉县人民政府印发《安吉县竹产业高质量发展实施方案》。',
    );
    expect(finds(data, '新华社')).toMatchObject({ type: 'Organization' });
    expect(relates(data, 'HOLDS_POSITION', '林家豪', '中央社')).toBe(true);
    // 时任 (then serving as) opens the post; it is not part of the organization.
    expect(finds(data, '时任浙江省委')).toBeUndefined();
    expect(relates(data, 'HOLDS_POSITION', '习近平', '浙江省委')).toBe(true);
    // jieba tags 印发 a noun; it is what the government does, not more of its name.
    expect(relates(data, 'ISSUED', '安吉县人民政府', '安吉县竹产业高质量发展实施方案')).toBe(true);
  });

  it("reads a list of communities named into a designation, deputies' posts and a source line", () => {
    const data = extract(
      '杭州市拱墅区打造“15分钟共富生活圈”\n\n来源：杭州日报\n\n' +
        '日前，拱墅区小河街道长乐社区、米市巷街道左家新村社区等6个社区被命名为杭州市首批未来社区。' +
        '拱墅区委常委、组织部部长李娜在推进会上说，全区将推动“一老一小”服务全覆盖。浙江省民政厅副厅长王越剑一行到长乐社区调研。',
    );
    expect(finds(data, '杭州日报')).toMatchObject({ type: 'Organization' });
    expect(finds(data, '来源：杭州日报')).toBeUndefined();
    // jieba cuts the unknown 左家 into 左 (a numeral) and 家 (a classifier); after its 街道 it is a name all the same.
    expect(finds(data, '左家新村社区')).toMatchObject({ type: 'Village' });
    expect(relates(data, 'SELECTED_AS', '长乐社区', '杭州市首批未来社区')).toBe(true);
    expect(relates(data, 'SELECTED_AS', '左家新村社区', '杭州市首批未来社区')).toBe(true);
    expect(relates(data, 'HOLDS_POSITION', '李娜', '拱墅区委')).toBe(true);
    expect(relates(data, 'HOLDS_POSITION', '王越剑', '浙江省民政厅')).toBe(true);
    // 全区 opening the clause is the district, not the speaker's party committee.
    expect(relates(data, 'IMPLEMENTS', '拱墅区', '一老一小')).toBe(true);
    expect(relates(data, 'IMPLEMENTS', '拱墅区委', '一老一小')).toBe(false);
  });

  it('knows autonomous prefectures and counties by their short forms', () => {
    const data = extract('近年来，瑞安市大力推进共富工坊建设。瑞安市与四川省阿坝州壤塘县开展东西部协作。丽水市景宁县发展畲乡旅游。');
    // 阿坝州 is the prefecture, not 阿坝县 (its 阿坝 alone also names).
    expect(finds(data, '阿坝州')).toMatchObject({ type: 'District', code: '5132', level: 'city' });
    expect(relates(data, 'LOCATED_IN', '壤塘县', '阿坝州')).toBe(true);
    expect(partners(data, '壤塘县', '瑞安市')).toBe(true);
    expect(finds(data, '景宁县')).toMatchObject({ type: 'District', code: '331127' });
  });

  it("reads trade unions, women's federations, ministries and party departments as organizations", () => {
    const data = extract('北仑区总工会联合区人力资源和社会保障局，在全区推行“技能提升+薪酬增长”联动机制。北仑区妇联开展培训。');
    expect(finds(data, '北仑区总工会')).toMatchObject({ type: 'Organization' });
    expect(finds(data, '北仑区妇联')).toMatchObject({ type: 'Organization' });
    expect(relates(data, 'IMPLEMENTS', '北仑区总工会', '技能提升+薪酬增长联动机制')).toBe(true);
    // Ministries and party departments by their own titles, but not every word ending in 部.
    const ministries = extract('松阳县被农业农村部认定为国家农业现代化示范区创建单位。区委组织部开展活动。全部干部到企业总部学习。');
    expect(finds(ministries, '农业农村部')).toMatchObject({ type: 'Organization' });
    expect(finds(ministries, '区委组织部')).toMatchObject({ type: 'Organization' });
    expect(
      ministries.entities
        .filter((e) => e.type === 'Organization')
        .map((e) => e.name)
        .sort(),
    ).toEqual(['农业农村部', '区委组织部']);
  });

  it('reads the village as 村里, a district opening a clause as its actor, and every designation of a list', () => {
    const data = extract(
      '金华市浦江县：从“水晶之都”到共富之城\n\n浦江县虞宅乡新光村曾是经济薄弱村，2016年起，村里引进“新光青创”项目。' +
        '如今，新光村先后获评浙江省3A级景区村庄、全国乡村旅游重点村。浦江县委副书记、县长何剑华表示，浦江将持续深化“千万工程”。' +
        '县经信局发布《浦江水晶产业高质量发展白皮书》。',
    );
    expect(relates(data, 'IMPLEMENTS', '新光村', '新光青创项目')).toBe(true);
    expect(relates(data, 'SELECTED_AS', '新光村', '全国乡村旅游重点村')).toBe(true);
    expect(relates(data, 'IMPLEMENTS', '浦江县', '千万工程')).toBe(true);
    expect(relates(data, 'IMPLEMENTS', '浦江县委', '千万工程')).toBe(false);
    // jieba glues 县经 of 县经信局; by the dictionary alone the 县 is the report's county.
    expect(finds(data, '浦江县经信局')).toMatchObject({ type: 'Organization', aliases: expect.arrayContaining(['县经信局']) });
  });
});
