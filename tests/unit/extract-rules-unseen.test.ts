// Rules for pages unlike the seeds (bylines, villages and firms as actors, lists, natural places),
// each on a short text written for the test about a place outside the development sets.
import { describe, expect, it } from 'vitest';
import { extract, finds, partners, relates } from '../support/rules.ts';

describe('extraction rules for unseen pages: pages and people', () => {
  it('reads outlets and reporters from bylines, breadcrumbs, datelines and photo credits', () => {
    const page = extract('当前位置: 丽江资讯网 > 新闻\n\n滇西新闻 记者 杨晓明 通讯员 李芳 赵刚\n\n丽江市古城区推进共同富裕。');
    expect(finds(page, '丽江资讯网')).toMatchObject({ type: 'Organization' });
    expect(finds(page, '滇西新闻')).toMatchObject({ type: 'Organization' });
    for (const name of ['杨晓明', '李芳', '赵刚']) expect(finds(page, name)).toMatchObject({ type: 'Person' });
    expect(relates(page, 'HOLDS_POSITION', '杨晓明', '滇西新闻')).toBe(true);
    // A correspondent (通讯员) reports for the page but is not on the outlet's staff.
    expect(relates(page, 'HOLDS_POSITION', '李芳', '滇西新闻')).toBe(false);
    const dateline = extract('闽南在线3月5日讯（记者 林小红）泉州市晋江市推进乡村振兴。');
    expect(relates(dateline, 'HOLDS_POSITION', '林小红', '闽南在线')).toBe(true);
    const photo = extract('村民在晒谷。海峡联盟·晋江 蔡明亮 摄');
    expect(relates(photo, 'HOLDS_POSITION', '蔡明亮', '海峡联盟·晋江')).toBe(true);
  });

  it('gives a post naming its level, and a list of leaders, to that district', () => {
    const data = extract('南平市委副书记、市长张建国出席，市领导刘伟、陈芳、黄明等参加。');
    expect(relates(data, 'HOLDS_POSITION', '张建国', '南平市委')).toBe(true);
    expect(relates(data, 'HOLDS_POSITION', '张建国', '南平市')).toBe(true);
    for (const name of ['刘伟', '陈芳', '黄明']) {
      expect(finds(data, name)).toMatchObject({ type: 'Person' });
      expect(relates(data, 'HOLDS_POSITION', name, '南平市')).toBe(true);
    }
  });

  it('places a bare 村 post in the village named last, and a village party branch in full', () => {
    const bare = extract('武夷山市星村镇曹墩村是茶乡。合作社理事长、村党支部书记吴永红介绍，今年茶叶丰收。');
    expect(relates(bare, 'HOLDS_POSITION', '吴永红', '曹墩村')).toBe(true);
    expect(finds(bare, '村党支部')).toBeUndefined();
    const branch = extract('宁德市蕉城区赤溪村党总支书记杜家住介绍，全村发展旅游。');
    expect(relates(branch, 'HOLDS_POSITION', '杜家住', '宁德市蕉城区赤溪村党总支')).toBe(true);
  });

  it('finds natural places by a proper name, organizations without a suffix and chained authorities', () => {
    const places = extract('游客沿着鄱阳湖散步，远眺仙女湖和楠溪江。');
    for (const name of ['鄱阳湖', '仙女湖', '楠溪江']) expect(finds(places, name)).toMatchObject({ type: 'Place' });
    // A division's short form is no river (浙江).
    expect(extract('这座浙江小城很美。').entities.some((e) => e.type === 'Place')).toBe(false);
    const authorities = extract('抚州市委市政府高度重视，黎川县人大、县政协参加。');
    expect(finds(authorities, '抚州市委')).toMatchObject({ type: 'Organization' });
    expect(finds(authorities, '抚州市政府')).toMatchObject({ type: 'Organization' });
    expect(finds(authorities, '抚州市委市政府')).toBeUndefined();
    expect(finds(authorities, '黎川县人大')).toMatchObject({ type: 'Organization' });
  });

  it('does not read a division inside a longer word, nor take generic nouns for names', () => {
    const data = extract('厦门城市职业学院与保险公司合作。');
    expect(finds(data, '厦门城市职业学院')).toMatchObject({ type: 'Organization' });
    // 门城 is no city here: a division's name starts where a word does.
    expect(data.entities.filter((e) => e.type === 'District').map((e) => e.name)).not.toContain('门城市');
    expect(finds(data, '保险公司')).toBeUndefined();
  });
});

describe('extraction rules for unseen pages: names and precision', () => {
  it('reads a hamlet after its village, and refuses batches, 局面 and bare titles', () => {
    const data = extract(
      '江西省景德镇市浮梁县江村乡严台村上坑自然村的村民在采茶。近日，第二批未来社区名单公布，乡村经营局面打开。人民政府高度重视。',
    );
    expect(finds(data, '上坑自然村')).toMatchObject({ type: 'Village' });
    expect(relates(data, 'LOCATED_IN', '上坑自然村', '严台村')).toBe(true);
    expect(finds(data, '第二批未来社区')).toBeUndefined();
    expect(finds(data, '乡村经营局')).toBeUndefined();
    expect(finds(data, '人民政府')).toBeUndefined();
    // A person named inside is no part of an organization's name.
    expect(finds(extract('县长钟明代表县委致辞。'), '钟明代表县委')).toBeUndefined();
  });

  it('takes any 来源 as the outlet, a periodical after its title, and a reporter on a header line', () => {
    const page = extract('来源：赣鄱风采\n\n《井冈》杂志报道了此事。');
    expect(finds(page, '赣鄱风采')).toMatchObject({ type: 'Organization' });
    expect(finds(page, '井冈杂志')).toMatchObject({ type: 'Organization' });
    const header = extract('2023-05-01 来源: 赣南日报 记者 钟文华 报道组 刘明\n\n会昌县推进共同富裕。');
    expect(relates(header, 'HOLDS_POSITION', '钟文华', '赣南日报')).toBe(true);
    expect(relates(header, 'HOLDS_POSITION', '刘明', '赣南日报')).toBe(false);
  });

  it('reads the counties of a province the report names only by its short form', () => {
    const data = extract('江西会昌推进乡村振兴。会昌以“茶旅融合”为抓手。会昌的做法受到肯定。');
    expect(finds(data, '会昌')).toMatchObject({ type: 'District', name: '会昌县' });
    expect(relates(data, 'IMPLEMENTS', '会昌县', '茶旅融合')).toBe(true);
    // Written once, a short form names nothing without the report's region.
    expect(finds(extract('会昌推进乡村振兴。'), '会昌')).toBeUndefined();
  });

  it('gives a pilot to the place right before the verb that builds it', () => {
    const data = extract('在江西高质量发展建设革命老区示范区的背景下，各地行动。');
    expect(relates(data, 'IMPLEMENTS', '江西省', '革命老区示范区')).toBe(true);
  });
});

describe('extraction rules for unseen pages: relations', () => {
  it('makes the subject of an earlier clause, or the place 我省 stands for, the actor', () => {
    const village = extract('吉安市井冈山市神山村依托红色资源不懈探索，成为远近闻名的“红色旅游”样板。');
    expect(finds(village, '红色旅游样板')).toMatchObject({ type: 'Pilot' });
    expect(relates(village, 'SELECTED_AS', '神山村', '红色旅游样板')).toBe(true);
    const province = extract('江西省推进乡村振兴。我省以“茶旅融合”为抓手，不断创新。');
    expect(relates(province, 'IMPLEMENTS', '江西省', '茶旅融合')).toBe(true);
  });

  it('reads a designation after 是 and a scope, and the items after a designation’s 其中', () => {
    const is = extract('黎川县洲湖村是省级森林乡村。');
    expect(relates(is, 'SELECTED_AS', '洲湖村', '省级森林乡村')).toBe(true);
    const among = extract('近日，江西省公布了50个全省首批森林乡村示范村，其中上饶的汪口村、江湾村入选。');
    expect(relates(among, 'SELECTED_AS', '汪口村', '全省首批森林乡村示范村')).toBe(true);
    expect(relates(among, 'SELECTED_AS', '江湾村', '全省首批森林乡村示范村')).toBe(true);
  });

  it('finds funders and partners: 由A与B共同出资, 得到A、B等地的对口帮扶, A—B', () => {
    const joint = extract('上饶市婺源县推进旅游。“篁岭晒秋”景区由婺源文旅集团与江西旅游集团共同出资建设。');
    expect(relates(joint, 'FUNDS', '婺源文旅集团', '篁岭晒秋景区')).toBe(true);
    expect(relates(joint, 'FUNDS', '江西旅游集团', '篁岭晒秋景区')).toBe(true);
    expect(partners(joint, '婺源文旅集团', '江西旅游集团')).toBe(true);
    const support = extract('九江市修水县推进乡村振兴。修水县先后得到南昌市、赣州市等地的对口帮扶，累计获得资金8000万元。');
    expect(relates(support, 'FUNDS', '南昌市', '修水县')).toBe(true);
    expect(partners(support, '修水县', '赣州市')).toBe(true);
    const dash = extract('江西省推进山海协作，南昌—赣州、九江—吉安协作产业园加快建设。');
    expect(partners(dash, '南昌', '赣州市')).toBe(true);
    expect(dash.entities.some((e) => e.name.startsWith('—'))).toBe(false);
  });

  it('places a firm in the places its name starts with, and a program in the place its clause describes', () => {
    const firm = extract('抚州市黎川县洲湖村强村公司召开分红大会。');
    expect(relates(firm, 'LOCATED_IN', '抚州市黎川县洲湖村强村公司', '洲湖村')).toBe(true);
    const described = extract('在江西率先探索“林长制”改革的抚州，如今林业兴旺。');
    expect(relates(described, 'IMPLEMENTS', '抚州市', '林长制')).toBe(true);
  });
});

describe('extraction rules for unseen pages: issuers, posts, short forms and places', () => {
  it('reads the issuers heading a document’s title, and the issuers of a header separated by a space', () => {
    const titled = extract(
      '为贯彻《中共中央国务院关于支持福建探索海峡两岸融合发展新路的意见》和《福建省人民政府办公厅关于推进乡村建设的实施意见》，制定本方案。',
    );
    for (const name of ['中共中央', '国务院', '福建省人民政府办公厅']) expect(finds(titled, name)).toMatchObject({ type: 'Organization' });
    expect(relates(titled, 'ISSUED', '中共中央', '中共中央国务院关于支持福建探索海峡两岸融合发展新路的意见')).toBe(true);
    expect(relates(titled, 'ISSUED', '国务院', '中共中央国务院关于支持福建探索海峡两岸融合发展新路的意见')).toBe(true);
    expect(relates(titled, 'ISSUED', '福建省人民政府办公厅', '福建省人民政府办公厅关于推进乡村建设的实施意见')).toBe(true);
    // A title that does not open with issuers names none (乡村振兴 is no organization).
    expect(extract('《乡村振兴关于未来的思考》出版。').entities.filter((e) => e.type === 'Organization')).toEqual([]);
    const header = extract('中共莆田市委 莆田市人民政府关于印发《莆田市乡村振兴实施方案》的通知');
    expect(relates(header, 'ISSUED', '中共莆田市委', '莆田市乡村振兴实施方案')).toBe(true);
    expect(relates(header, 'ISSUED', '莆田市人民政府', '莆田市乡村振兴实施方案')).toBe(true);
  });

  it('names a pilot quoted inside a document’s title', () => {
    const data = extract('泉州银行出台《服务“乡村振兴示范区”建设行动方案》。');
    expect(finds(data, '乡村振兴示范区')).toMatchObject({ type: 'Pilot' });
  });

  it('gives a document to the issuer of its own clause, a bank too, not to the departments of the clause before', () => {
    const data = extract('为落实泉州市委、泉州市财政局等部门工作要求，泉州银行近日出台《金融服务乡村振兴行动方案》。');
    expect(relates(data, 'ISSUED', '泉州银行', '金融服务乡村振兴行动方案')).toBe(true);
    expect(relates(data, 'ISSUED', '泉州市财政局', '金融服务乡村振兴行动方案')).toBe(false);
    const unnamed = extract('为落实泉州市委、泉州市财政局等部门工作要求，近日出台《普惠金融行动方案》。');
    expect(relates(unnamed, 'ISSUED', '泉州市财政局', '普惠金融行动方案')).toBe(false);
  });

  it('finds a leader named with 总书记 after 是, and gives a 区委常委 to the district’s committee', () => {
    expect(finds(extract('这是习近平总书记亲自谋划的工作。'), '习近平')).toMatchObject({ type: 'Person' });
    const data = extract('宁德市蕉城区召开会议。蕉城区委副书记、区长叶大明，区委常委吴小平等参加。');
    expect(relates(data, 'HOLDS_POSITION', '吴小平', '蕉城区委')).toBe(true);
  });

  it('gives a post of a village party committee to the committee, not to the village', () => {
    const data = extract('南平市建阳区将口镇东田村推进乡村振兴。东田村党委书记范小明介绍了经验。');
    expect(relates(data, 'HOLDS_POSITION', '范小明', '东田村党委')).toBe(true);
    expect(relates(data, 'HOLDS_POSITION', '范小明', '东田村')).toBe(false);
  });

  it('reads a firm’s quoted short form as the firm, and its chairman’s post in it', () => {
    const data = extract('龙岩市连城县成立连城云岭实业发展有限公司。各村共同组建“云岭实业”。“云岭实业”董事长吴大伟说，公司带动村民增收。');
    expect(finds(data, '云岭实业')).toMatchObject({ type: 'Company', name: '连城云岭实业发展有限公司' });
    expect(relates(data, 'HOLDS_POSITION', '吴大伟', '连城云岭实业发展有限公司')).toBe(true);
  });

  it('reads the verb of 由A与B共同出资 past a firm’s name that holds 投资', () => {
    const data = extract('三明市推进旅游。“泰宁古城”项目由泰宁旅游投资有限公司与福建旅游集团共同出资建设。');
    expect(relates(data, 'FUNDS', '泰宁旅游投资有限公司', '泰宁古城项目')).toBe(true);
    expect(relates(data, 'FUNDS', '福建旅游集团', '泰宁古城项目')).toBe(true);
  });

  it('places a zone in the town or city it is named after, and a place only in a parent written before it', () => {
    const zone = extract('武夷山市推进旅游。去年，星村镇生态度假区建成开放。');
    expect(relates(zone, 'LOCATED_IN', '星村镇生态度假区', '星村镇')).toBe(true);
    // 晋江 written after 福建 sits in it; 福建 written after 晋江 says nothing about where 晋江 is.
    const after = extract('从晋江市的鞋业到整个福建省的经济，变化很大。');
    expect(relates(after, 'LOCATED_IN', '晋江市', '福建省')).toBe(false);
    const before = extract('福建省晋江市的鞋业闻名全国。');
    expect(relates(before, 'LOCATED_IN', '晋江市', '福建省')).toBe(true);
  });
});

describe('extraction rules for unseen pages: quoted programs, agreements, credits and village firms', () => {
  it('names a counted program in quotation marks, but not a counted set of things', () => {
    const data = extract('漳州市实施“六大惠民工程”，开展“三大攻坚行动”，努力缩小“三大差距”。');
    expect(finds(data, '六大惠民工程')).toMatchObject({ type: 'Program' });
    expect(finds(data, '三大攻坚行动')).toMatchObject({ type: 'Program' });
    expect(finds(data, '三大差距')).toBeUndefined();
  });

  it('reads a slogan with 我 as a name and a long quote with 我 as speech', () => {
    const data = extract('泉州市推进改革。参与协建的“民需我办”应用获评全省最佳应用。“我想回村里干事业”，他说。');
    expect(finds(data, '民需我办')).toMatchObject({ type: 'Program' });
    expect(data.entities.some((e) => e.name.includes('我想回村里'))).toBe(false);
    // 推进改革 is jieba's one word: a verb glued to a suffix names nothing.
    expect(finds(data, '推进改革')).toBeUndefined();
  });

  it('pairs two firms that sign an agreement, and reads a 常务副书记 and a periodical’s reporters', () => {
    const sign = extract('8月5日，漳州海丰食品有限公司与漳州市绿源农业科技有限公司签订了一份供货协议。');
    expect(partners(sign, '漳州海丰食品有限公司', '漳州市绿源农业科技有限公司')).toBe(true);
    const post = extract('曾任城关镇党委常务副书记的林志刚回忆道。');
    expect(relates(post, 'HOLDS_POSITION', '林志刚', '城关镇党委')).toBe(true);
    const credit = extract('《闽声》新闻周刊记者 陈思远 黄立\n\n漳州市推进乡村振兴。');
    expect(relates(credit, 'HOLDS_POSITION', '陈思远', '闽声新闻周刊')).toBe(true);
  });

  it('reads a verb of doing after 是 as the description of a task, not as something carried out', () => {
    const data = extract('宁德市召开会议。这是忠实践行“山海协同”理念、奋力打造“闽东高地”的重要举措。宁德市大力实施“闽东之光”行动。');
    expect(relates(data, 'IMPLEMENTS', '宁德市', '山海协同')).toBe(false);
    expect(relates(data, 'IMPLEMENTS', '宁德市', '闽东高地')).toBe(false);
    expect(relates(data, 'IMPLEMENTS', '宁德市', '闽东之光')).toBe(true);
  });

  it('reads a quoted program right after the larger one as its part, and the parts a center brings together', () => {
    const after = extract('三明市实施“数字社会”建设，上线数字社会“闽邻享”系列应用。');
    expect(relates(after, 'PART_OF', '闽邻享', '数字社会')).toBe(true);
    const parts = extract('三明市建成沙县社会治理指挥中心。该中心集合了应急联动处置中心、各类诉求接诉即办的民意感知中心。');
    expect(relates(parts, 'PART_OF', '应急联动处置中心', '沙县社会治理指挥中心')).toBe(true);
    expect(relates(parts, 'PART_OF', '民意感知中心', '沙县社会治理指挥中心')).toBe(true);
  });

  it('has a village fund the firm it owns, which lies in it', () => {
    const data = extract('龙岩市长汀县推进乡村振兴。记者来到长汀县三洲村，三洲村村办企业长汀县三洲农业开发有限公司发展红火。');
    expect(relates(data, 'FUNDS', '三洲村', '长汀县三洲农业开发有限公司')).toBe(true);
    expect(relates(data, 'LOCATED_IN', '长汀县三洲农业开发有限公司', '三洲村')).toBe(true);
  });
});

describe('extraction rules for unseen pages: short organizations, investing villages and natural places', () => {
  it('finds 科协, 侨联 and 残联 after a level of government, each on its own, and no 和县 in 侨联和县残联', () => {
    const data = extract('南平市召开会议。市侨联、县残联和市科协联合开展活动。');
    for (const name of ['市侨联', '县残联', '市科协']) expect(finds(data, name)).toMatchObject({ type: 'Organization' });
    expect(finds(data, '县残联和市科协')).toBeUndefined();
    const joined = extract('南平市科协、市侨联和县残联联合开展活动。');
    expect(finds(joined, '南平市科协')).toMatchObject({ type: 'Organization' });
    expect(finds(joined, '和县')).toBeUndefined();
  });

  it('has a village that invests land in a firm fund it', () => {
    const data = extract('宁德市寿宁县下党村以土地入股宁德茶业有限公司。');
    expect(relates(data, 'FUNDS', '下党村', '宁德茶业有限公司')).toBe(true);
  });

  it('finds mountains and islets by a proper name, not ordinary words for hills', () => {
    const data = extract('游客远眺武夷山和鼓浪屿，登上太姥山。这里青山绿水，就是金山银山。');
    for (const name of ['武夷山', '太姥山']) expect(finds(data, name)).toMatchObject({ type: 'Place' });
    expect(
      data.entities
        .filter((e) => e.type === 'Place')
        .map((e) => e.name)
        .sort(),
    ).toEqual(['太姥山', '武夷山']);
  });
});
