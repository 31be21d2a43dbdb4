import { describe, expect, it } from 'vitest';
import type { EntityRecord, ExtractionExport, RelationType } from '../../graph/index.ts';
import { extractSeeds } from '../support/seeds.ts';

const data: ExtractionExport = extractSeeds();
const entity = (name: string) => data.entities.find((e) => e.name === name);
function relation(type: RelationType, source: string, target: string) {
  const s = entity(source),
    t = entity(target);
  return data.relations.find(
    (r) =>
      r.type === type &&
      ((r.source === s?.id && r.target === t?.id) || (type === 'PARTNERS_WITH' && r.source === t?.id && r.target === s?.id)),
  );
}

describe('extraction over the seeds', () => {
  it('finds typed entities with official codes where the registry has them', () => {
    expect(entity('龙湾区')).toMatchObject({ type: 'District', level: 'county', code: '330303' });
    expect(entity('温州市')).toMatchObject({ type: 'District', level: 'city', code: '3303' });
    expect(entity('周一富')).toMatchObject({ type: 'Person' });
    expect(entity('红哨系统')).toMatchObject({ type: 'Program' });
    expect(entity('石碧岩村')).toMatchObject({ type: 'Village', code: '330382102220', officialName: '石碧岩村委会' });
  });

  it('links a township to the one in the report’s own region', () => {
    // 天河街道 exists in Zhejiang, Anhui and Hubei; the report is about 龙湾区.
    expect(entity('天河街道')).toMatchObject({ code: '330303014', level: 'township' });
    expect(relation('LOCATED_IN', '天河街道', '龙湾区')).toBeDefined();
  });

  it('merges surface forms: short, traditional and prefixed', () => {
    expect(entity('龙湾区')!.aliases).toContain('龙湾');
    const wenyan = entity('闻堰街道')!;
    expect(wenyan.aliases).toEqual(expect.arrayContaining(['闻堰', '聞堰']));
    expect(data.entities.filter((e) => e.name === '龙湾')).toEqual([]);
  });

  it('gives every relation the sentence that states it, with offsets into the original text', () => {
    const docs = new Map(data.documents.map((d) => [d.id, d]));
    for (const r of data.relations) {
      expect(r.evidence.length).toBeGreaterThan(0);
      for (const e of r.evidence) expect(docs.get(e.doc)!.text.slice(e.start, e.end)).toBe(e.text);
    }
    const holds = relation('HOLDS_POSITION', '周一富', '龙湾区委');
    expect(holds?.evidence[0]?.text).toContain('龙湾区委书记、温州高新区党工委书记周一富');
    const implementsRedWhistle = relation('IMPLEMENTS', '龙湾区', '红哨系统');
    expect(implementsRedWhistle?.evidence[0]?.text).toContain('开发“红哨系统”');
  });

  it('keeps mention offsets that point at the name in the original text', () => {
    const docs = new Map(data.documents.map((d) => [d.id, d]));
    const forms = (e: EntityRecord) => new Set([e.name, ...e.aliases]);
    const strip = (s: string) => s.replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùü]+\)/g, '').replace(/[“”"‘’「」《》]/g, '');
    let checked = 0;
    for (const e of data.entities) {
      for (const m of e.mentions) {
        const surface = strip(docs.get(m.doc)!.text.slice(m.start, m.end));
        expect(forms(e).has(surface), `${surface} for ${e.name}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
    // Every mention of a district points at one of its forms, in each report that names it.
    expect(new Set(entity('龙湾区')!.mentions.map((m) => m.doc))).toContain('000_335c1c6bdc1323c1.txt');
  });

  it('keeps co-mentions apart from typed relations, weighted by sentences', () => {
    const co = data.relations.filter((r) => r.type === 'CO_MENTIONED');
    for (const r of co) expect(r.weight).toBe(r.evidence.length);
    // 龙湾区 and 温州市 share sentences: a co-mention, with those sentences as its evidence.
    const shared = relation('CO_MENTIONED', '龙湾区', '温州市') ?? relation('CO_MENTIONED', '温州市', '龙湾区');
    expect(shared?.evidence[0]?.text).toMatch(/龙湾|温州/);
  });

  it('records document metadata and diagnostics', () => {
    const byId = new Map(data.documents.map((d) => [d.id, d]));
    expect(byId.get('004_5c6707e2467e516d.txt')).toMatchObject({ script: 'traditional' });
    expect(byId.get('002_bbc69fe6616acb16.txt')!.diagnostics.map((d) => d.code)).toContain('repeated-body');
    expect(byId.get('000_335c1c6bdc1323c1.txt')).toMatchObject({ source: '中国侨网', date: '2022-02-08' });
  });

  it('attaches quoted figures to their entity', () => {
    const income = data.facts.find((f) => f.value === 69984);
    expect(income).toMatchObject({ entity: entity('龙湾区')!.id, unit: '元' });
    expect(income!.evidence.text).toContain('69984');
  });
});
