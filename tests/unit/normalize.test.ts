// Normalization on short texts written for the test: each shows one behaviour a reader relies on.
import { describe, expect, it } from 'vitest';
import {
  normalize,
  originalSpan,
  findPinyinAnnotations,
  findGarbledSpans,
  type NormalizedText,
} from '../../graph/extraction/normalize/index.ts';
import type { SourceDocument } from '../../graph/index.ts';

const doc = (text: string): NormalizedText =>
  normalize({ id: 't.txt', path: 't.txt', hash: 'h', encoding: 'utf-8', format: 'text', text } satisfies SourceDocument);
const sentenceTexts = (d: NormalizedText) => d.sentences.map((s) => d.analysis.text.slice(s.start, s.end));
const codes = (d: NormalizedText) => d.diagnostics.map((x) => x.code);

describe('pinyin readings', () => {
  const annotated = '聞堰搶抓機(jī)遇，打造現(xiàn)代社區(qū)。';

  it('are removed from the analysed text, which reads as simplified Chinese, and reported', () => {
    const d = doc(annotated);
    expect(d.analysis.text).toBe('闻堰抢抓机遇，打造现代社区。');
    expect(d.script).toBe('traditional');
    expect(d.diagnostics).toContainEqual({
      code: 'pinyin-removed',
      offset: 0,
      message: '3 pinyin readings removed from the analysed text',
    });
  });

  it('leave other parentheses alone', () => {
    const text = '杭州高新區(濱江)和機(jī)遇(EPC)';
    expect(findPinyinAnnotations(text).map(([s, e]) => text.slice(s, e))).toEqual(['(jī)']);
  });

  it('keep offsets that map back to the original text', () => {
    const d = doc(annotated);
    const at = d.analysis.text.indexOf('机遇');
    const [start, end] = originalSpan(d.analysis, at, at + 2);
    expect(d.source.text.slice(start, end)).toBe('機(jī)遇');
  });
});

describe('repeated body', () => {
  it('is left out once a paragraph comes again, and reported', () => {
    const paragraph = '今年以来，龙湾区全面贯彻落实共同富裕的各项决策部署。';
    const d = doc(`标题：共同富裕的龙湾经验\n${paragraph}\n第二段说的是别的事情。\n${paragraph}`);
    expect(sentenceTexts(d).filter((t) => t === paragraph)).toHaveLength(1);
    expect(sentenceTexts(d)).toContain('第二段说的是别的事情。');
    expect(d.diagnostics).toContainEqual({
      code: 'repeated-body',
      offset: d.source.text.lastIndexOf(paragraph),
      message: '1 repeated paragraphs left out',
    });
  });
});

describe('garbled spans', () => {
  it('are found, reported with their original text, and kept out of sentences', () => {
    const d = doc('龙湾区实施红哨系统??偣こ滩捎肊，全面推进共同富裕。');
    expect(d.diagnostics.filter((x) => x.code === 'garbled-text').map((x) => x.message)).toEqual(['garbled text left out: "??偣こ滩捎肊"']);
    expect(sentenceTexts(d)).toEqual(['龙湾区实施红哨系统', '，全面推进共同富裕。']);
  });

  it('leave ASCII question marks of an ordinary question alone', () => {
    expect(findGarbledSpans('该如何解决?龙港借助数字赋能')).toEqual([]);
  });

  it('include UTF-8 read as Latin-1, but not runs of non-breaking spaces', () => {
    // 高质 written in UTF-8 and read as Latin-1.
    expect(findGarbledSpans('来源:\u00e9\u00ab\u0098\u00e8\u00b4\u00a8')).toEqual([{ start: 3, end: 9 }]);
    expect(findGarbledSpans('2022-02-08 10:47\u00a0\u00a0\u00a0来源:浙江新闻客户端\u00a0\u00a0\u00a0参与互动')).toEqual([]);
  });
});

describe('invisible characters', () => {
  it('are left out of the analysed text, so names they split join up, and offsets still lead to the original', () => {
    const d = doc('龙湾\u200b区实施“红哨\u202e系统”。');
    expect(d.analysis.text).toBe('龙湾区实施“红哨系统”。');
    expect(codes(d)).toContain('invisible-characters');
    const [start, end] = originalSpan(d.analysis, 0, 3);
    expect(d.source.text.slice(start, end)).toBe('龙湾\u200b区');
  });
});

describe('boilerplate and metadata', () => {
  const page = [
    '温州龙湾区委书记分享“共富故事”背后的龙湾经验-中国侨网',
    '2022年02月08日 10:47   来源：中国侨网',
    '记者 张银燕',
    '龙湾区实施红哨系统，全面推进共同富裕。',
    '责任编辑：王小明',
    '浙ICP备12345678号 版权所有',
  ].join('\n');

  it('drops page furniture from the sentences and reads title, date, outlet and reporter', () => {
    const d = doc(page);
    expect(sentenceTexts(d).some((t) => t.includes('责任编辑') || t.includes('ICP备'))).toBe(false);
    expect(sentenceTexts(d)).toContain('龙湾区实施红哨系统，全面推进共同富裕。');
    expect(d.metadata).toMatchObject({
      title: '温州龙湾区委书记分享“共富故事”背后的龙湾经验',
      date: '2022-02-08',
      source: '中国侨网',
      authors: ['张银燕'],
    });
  });

  it('reads a wire-service dateline and photo credits', () => {
    const d = doc('龙港新城建设提速\n中新网温州9月27日电 龙港市推进新型城镇化。\n龙港新城掠影 池长峰 摄');
    expect(d.metadata.outlets.map((o) => o.name)).toContain('中新网');
    expect(d.metadata.credits.filter((c) => c.role === 'photographer').map((c) => c.name)).toContain('池长峰');
  });

  it("reads a dispatch's outlet, and takes 本报 and 本网 for the page's outlet rather than an outlet's name", () => {
    const dispatch = doc('三明召开乡村振兴推进会\n三明新闻网讯 （记者 林文 郑海）3月2日，沙县区召开推进会。');
    expect(dispatch.metadata.outlets.map((o) => o.name)).toEqual(['三明新闻网']);
    expect(dispatch.metadata.credits.map((c) => c.name)).toEqual(['林文', '郑海']);
    const own = doc('沙县小吃走向全国\n来源：福建日报   本报记者 陈明\n本网讯 沙县区推进小吃产业。');
    expect(own.metadata.outlets.map((o) => o.name)).toEqual(['福建日报']);
  });
});
