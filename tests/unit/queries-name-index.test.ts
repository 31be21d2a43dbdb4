import { describe, expect, it } from 'vitest';
import { NameIndex } from '../../graph/queries/name-index.ts';
import { pinyinQuery, readName } from '../../graph/queries/name-pinyin.ts';
import { literalLucene } from '../../graph/queries/search-cypher.ts';
import type { EntityView } from '../../graph/queries/views.ts';

const entity = (id: string, name: string, degree = 0, more: Partial<EntityView> = {}): EntityView => ({
  id,
  type: 'District',
  name,
  aliases: [],
  code: null,
  confidence: null,
  officialName: null,
  level: null,
  degree,
  ...more,
});

const index = () =>
  NameIndex.build(
    [
      entity('d1', '龙湾区', 5, { aliases: ['龙湾'] }),
      entity('d2', '龙湾区人民政府', 9, { type: 'Organization' }),
      entity('d3', '乐清市', 3),
      entity('d4', '丽水市', 1),
      entity('d5', '台州市', 1),
      entity('d6', '龙泉市', 2),
      entity('d7', '多福巷社区', 0, { type: 'Village', officialName: '多福巷社区居委会' }),
      entity('d8', '绿色发展基金', 0, { type: 'Program' }),
      entity('d9', '安德村', 0, { type: 'Village' }),
    ],
    { sliceSize: 0 },
  );

const found = (matches: Array<{ entity: EntityView; matchedBy: string }>) => matches.map((m) => `${m.entity.name}:${m.matchedBy}`);

describe('pinyin readings of names', () => {
  it('reads place names as the places are read', () => {
    expect(readName('乐清市').full).toBe('yueqingshi');
    expect(readName('丽水市').full).toBe('lishuishi');
    expect(readName('台州市').full).toBe('taizhoushi');
    expect(readName('六安市').spaced).toBe('lu an shi');
    expect(readName('蚌埠市').full).toBe('bengbushi');
    expect(readName('番禺区').full).toBe('panyuqu');
    expect(readName('长兴县').initials).toBe('cxx');
  });

  it('keeps letters and digits as they are, and writes ü as v', () => {
    expect(readName('5G小镇')).toEqual({
      spaced: '5g xiao zhen',
      full: '5gxiaozhen',
      initials: '5gxz',
      inner: [
        { full: 2, initials: 2 },
        { full: 6, initials: 3 },
      ],
    });
    expect(readName('绿色').full).toBe('lvse');
  });

  it('takes pinyin queries with spaces, tones, tone numbers and case, and nothing else', () => {
    for (const query of ['longwan', 'long wan', 'Lóng Wān', 'long2 wan1', 'LONGWAN']) expect(pinyinQuery(query)).toBe('longwan');
    expect(pinyinQuery('lǜ')).toBe('lv');
    expect(pinyinQuery('龙湾')).toBeNull();
    expect(pinyinQuery('5G')).toBeNull();
  });
});

describe('the name index', () => {
  it('ranks exact matches before prefixes, ties by degree', async () => {
    expect(found((await index()).match('龙湾区'))).toEqual(['龙湾区:EXACT', '龙湾区人民政府:PREFIX']);
    expect(found((await index()).match('龙湾'))).toEqual(['龙湾区:EXACT', '龙湾区人民政府:PREFIX']);
    expect(found((await index()).match('龙'))).toEqual(['龙湾区人民政府:PREFIX', '龙湾区:PREFIX', '龙泉市:PREFIX']);
  });

  it('finds simplified names from traditional input', async () => {
    expect(found((await index()).match('龍灣'))[0]).toBe('龙湾区:EXACT');
    expect(found((await index()).match('麗水市'))).toEqual(['丽水市:EXACT']);
  });

  it('matches official names', async () => {
    expect((await index()).match('多福巷社区居委会')[0]).toMatchObject({ matchedBy: 'EXACT', matched: '多福巷社区居委会' });
  });

  it('matches full pinyin whatever the spacing, tones or case, with place readings', async () => {
    const idx = await index();
    for (const query of ['longwan', 'long wan', 'Lóng wān']) {
      // 龙湾区's alias 龙湾 reads longwan whole: before the name that only begins with it.
      expect(found(idx.match(query))).toEqual(['龙湾区:PINYIN', '龙湾区人民政府:PINYIN']);
    }
    expect(idx.match('longwanqu')[0]).toMatchObject({ matchedBy: 'PINYIN', matched: 'long wan qu' });
    expect(found(idx.match('yueqing'))).toEqual(['乐清市:PINYIN']);
    expect(idx.match('leqing')).toEqual([]);
    expect(found(idx.match('lishui'))).toEqual(['丽水市:PINYIN']);
    expect(found(idx.match('taizhou'))).toEqual(['台州市:PINYIN']);
    expect(found(idx.match('lvse'))).toEqual(['绿色发展基金:PINYIN']);
  });

  it('matches initials after full pinyin', async () => {
    const idx = await index();
    expect(idx.match('lwq')[0]).toMatchObject({ entity: { name: '龙湾区' }, matchedBy: 'INITIALS', matched: 'lwq' });
    expect(found(idx.match('lw'))).toEqual(['龙湾区:INITIALS', '龙湾区人民政府:INITIALS']);
    expect(found(idx.match('lwqr'))).toEqual(['龙湾区人民政府:INITIALS']);
    expect(found(idx.match('yqs'))).toEqual(['乐清市:INITIALS']);
  });

  it('matches pinyin and initials from any syllable of a name, after those from its start', async () => {
    const idx = await index();
    // 人民政府 stands in the middle of 龙湾区人民政府: found by its pinyin and its initials.
    expect(found(idx.match('renmin zhengfu'))).toEqual(['龙湾区人民政府:PINYIN']);
    expect(idx.match('renmin')[0]).toMatchObject({ matched: 'long wan qu ren min zheng fu' });
    expect(found(idx.match('rmzf'))).toEqual(['龙湾区人民政府:INITIALS']);
    expect(found(idx.match('wanqu'))).toEqual(['龙湾区人民政府:PINYIN', '龙湾区:PINYIN']);
    // From the start before from inside: 龙泉市 begins with long, 龙湾区人民政府 is whole-read first either way.
    expect(found(idx.match('shi')).slice(0, 1)).toEqual(['乐清市:PINYIN']);
    // A single letter is not looked for inside names.
    expect(found(idx.match('q'))).toEqual([]);
  });

  it('treats Lucene operators as text', async () => {
    expect(found((await index()).match('AND'))).toEqual(['安德村:PINYIN']);
    expect((await index()).match('NOT')).toEqual([]);
  });

  it('reuses the readings of the index it replaces', async () => {
    const first = await index();
    const second = await NameIndex.build([entity('d3', '乐清市', 3)], { readings: first.readings, sliceSize: 0 });
    expect(second.readings.get('乐清市')).toBe(first.readings.get('乐清市'));
  });
});

describe('literal Lucene queries', () => {
  it('quotes every word and escapes what quotes do not', () => {
    expect(literalLucene('龙湾 AND')).toBe('+"龙湾" +"AND"');
    expect(literalLucene('a"b\\c')).toBe('+"a\\"b\\\\c"');
    expect(literalLucene('NOT (x)*')).toBe('+"NOT" +"(x)*"');
    expect(literalLucene(' ) * ')).toBeNull();
  });
});
