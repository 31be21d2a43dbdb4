import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readSource } from '../../graph/index.ts';
import { normalize, originalSpan, findPinyinAnnotations, findGarbledSpans } from '../../graph/normalize/index.ts';
import { SEEDS_DIR } from '../support/seeds.ts';

const seed = (name: string) => normalize(readSource(join(SEEDS_DIR, name)));
const sentenceTexts = (doc: ReturnType<typeof seed>) => doc.sentences.map((s) => doc.analysis.text.slice(s.start, s.end));

describe('pinyin readings', () => {
  it('are removed from the analysed text of seed 004, which reads as simplified Chinese', () => {
    const doc = seed('004_5c6707e2467e516d.txt');
    expect(doc.source.text).toContain('機(jī)遇');
    expect(doc.analysis.text).toContain('机遇');
    expect(doc.analysis.text).not.toMatch(/\((?:jī|xiàng|qū)\)/);
    expect(doc.script).toBe('traditional');
    expect(doc.diagnostics.find((d) => d.code === 'pinyin-removed')).toBeDefined();
  });

  it('leave other parentheses alone', () => {
    const text = '杭州高新區(濱江)和機(jī)遇(EPC)';
    expect(findPinyinAnnotations(text).map(([s, e]) => text.slice(s, e))).toEqual(['(jī)']);
  });

  it('keep offsets that map back to the original text', () => {
    const doc = seed('004_5c6707e2467e516d.txt');
    const at = doc.analysis.text.indexOf('机遇');
    const [start, end] = originalSpan(doc.analysis, at, at + 2);
    expect(doc.source.text.slice(start, end)).toBe('機(jī)遇');
  });
});

describe('repeated body', () => {
  it('is left out of seed 002 and reported', () => {
    const doc = seed('002_bbc69fe6616acb16.txt');
    const texts = sentenceTexts(doc);
    expect(new Set(texts).size).toBe(texts.length);
    const first = '今年以来,西湖区全面贯彻落实省市区关于共同富裕工作的各项决策部署';
    expect(doc.source.text.split(first).length - 1).toBe(2);
    expect(texts.filter((t) => t.startsWith(first))).toHaveLength(1);
    expect(doc.diagnostics.find((d) => d.code === 'repeated-body')).toBeDefined();
  });
});

describe('garbled spans', () => {
  it('are found, reported with their original text, and kept out of sentences', () => {
    const doc = seed('004_5c6707e2467e516d.txt');
    const garbled = doc.diagnostics.filter((d) => d.code === 'garbled-text');
    expect(garbled.some((d) => d.message.includes('??偣こ滩捎肊'))).toBe(true);
    expect(sentenceTexts(doc).some((t) => t.includes('偣こ'))).toBe(false);
  });

  it('leave ASCII question marks of an ordinary question alone', () => {
    expect(findGarbledSpans('该如何解决?龙港借助数字赋能')).toEqual([]);
  });
});

describe('boilerplate and metadata', () => {
  it('drops page furniture and reads title, date, outlet and reporter', () => {
    const doc = seed('000_335c1c6bdc1323c1.txt');
    expect(sentenceTexts(doc).some((t) => t.includes('责任编辑') || t.includes('ICP备'))).toBe(false);
    expect(doc.metadata).toMatchObject({
      title: '温州龙湾区委书记分享“共富故事”背后的龙湾经验',
      date: '2022-02-08',
      source: '中国侨网',
      authors: ['张银燕'],
    });
  });

  it('reads a wire-service dateline and photo credits', () => {
    const doc = seed('003_b7f2b80d630e74cb.txt');
    expect(doc.metadata.outlets.map((o) => o.name)).toContain('中新网');
    expect(doc.metadata.credits.filter((c) => c.role === 'photographer').map((c) => c.name)).toContain('池长峰');
    expect(doc.metadata.date).toBe('2021-09-27');
  });
});
