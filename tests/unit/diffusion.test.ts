// The diffusion figures on a hand-made graph: a program and a pilot, adopters placed by their own
// codes, through LOCATED_IN, or not at all, dated and undated reports. Every expected figure is
// worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import { computeDiffusion, dayNumber, median, type AdoptionInput } from '../../graph/queries/diffusion-figures.ts';
import { significantCode, type DivisionLevel, type DivisionRegistry } from '../../graph/queries/divisions.ts';
import type { EntityView, EvidenceView } from '../../graph/queries/views.ts';

/** Four counties in two cities, six townships: small denominators to check the shares. */
const NAMES: Record<string, string> = {
  '3301': '杭州市',
  '3303': '温州市',
  '330303': '龙湾区',
  '330106': '西湖区',
  '330109': '萧山区',
  '330381': '瑞安市',
  '330303001': '永中街道',
  '330106010': '转塘街道',
  '330381001': '安阳街道',
};
const registry: DivisionRegistry = {
  name: (code) => NAMES[code] ?? null,
  count: (level: DivisionLevel) => ({ CITY: 2, COUNTY: 4, TOWNSHIP: 6 })[level],
};

const entity = (type: EntityView['type'], name: string, code: string | null = null): EntityView => ({
  id: `${type}:${name}${code ? `#${code}` : ''}`,
  type,
  name,
  aliases: [],
  code,
  officialName: null,
  level: null,
  confidence: null,
  degree: 1,
});

const P = entity('Program', '未来社区');
const Q = entity('Pilot', '共同富裕示范区');
const A = entity('District', '龙湾区', '330303');
const B = entity('Village', '万顺社区', '330303001011');
const C = entity('District', '西湖区', '330106');
const D = entity('Company', '某某科技有限公司');
const XIAOSHAN = entity('District', '萧山区', '330109');
const E = entity('Village', '上城埭村', '330106010211');
const F = entity('Village', '兴隆社区', '330381001001');
const G = entity('Organization', '某某协会');
const H = entity('District', '浙江省', '33');
const I = entity('District', '西藏自治区', '54');

function adoption(source: EntityView, type: 'IMPLEMENTS' | 'SELECTED_AS', target: EntityView, date: string | null): AdoptionInput {
  const id = `${type}:${source.id}->${target.id}`;
  const evidence: EvidenceView = {
    documentId: `${id}.txt`,
    start: 0,
    end: 10,
    text: `${source.name}${type === 'IMPLEMENTS' ? '实施' : '入选'}${target.name}`,
    highlights: [],
    ends: null,
    confidence: null,
  };
  const located = source === D ? { code: XIAOSHAN.code, source: 'LOCATED_IN' as const, via: XIAOSHAN } : null;
  return {
    entity: source,
    relation: { id, type, directed: true, source: source.id, target: target.id, weight: 1, confidence: null, firstReported: date },
    firstReported: date,
    documentIds: [evidence.documentId],
    evidence,
    place: located ?? (source.code ? { code: source.code, source: 'OWN_CODE', via: null } : { code: null, source: 'NONE', via: null }),
  };
}

const program = [
  adoption(A, 'IMPLEMENTS', P, '2021-03-10'),
  adoption(B, 'IMPLEMENTS', P, '2021-05-02'),
  adoption(C, 'IMPLEMENTS', P, '2021-05-20'),
  adoption(D, 'IMPLEMENTS', P, '2022-01-15'),
  adoption(E, 'IMPLEMENTS', P, null),
  adoption(F, 'IMPLEMENTS', P, null),
  adoption(G, 'IMPLEMENTS', P, '2021-05-02'),
  adoption(H, 'IMPLEMENTS', P, '2021-03-10'),
  adoption(I, 'IMPLEMENTS', P, '2021-08-01'),
];
const names = (list: ReadonlyArray<{ entity: EntityView }>) => list.map((a) => a.entity.name);

describe('the spread of a program, by county', () => {
  const figures = computeDiffusion(P, program, 'COUNTY', registry);

  it('lists every adopter, dated oldest first, undated last', () => {
    expect(figures.adopters).toHaveLength(9);
    // Same day: by name in pinyin order (long < zhe, wan < mou).
    expect(names(figures.adopters)).toEqual([
      '龙湾区',
      '浙江省',
      '某某协会',
      '万顺社区',
      '西湖区',
      '西藏自治区',
      '某某科技有限公司',
      '上城埭村',
      '兴隆社区',
    ]);
    expect(figures.firstReported).toBe('2021-03-10');
    expect(figures.lastReported).toBe('2022-01-15');
  });

  it('keeps undated adopters apart and off the curve', () => {
    expect(names(figures.undated)).toEqual(['上城埭村', '兴隆社区']);
    for (const a of figures.undated) expect(a.firstReported).toBeNull();
    const onCurve = figures.curve.flatMap((p) => names(p.adopters));
    expect(onCurve).not.toContain('上城埭村');
    expect(onCurve).toHaveLength(7);
  });

  it('draws the adoption curve month by month, cumulative, with the counties reached by then', () => {
    expect(figures.curve.map(({ month, cumulative, divisionsReached }) => ({ month, cumulative, divisionsReached }))).toEqual([
      { month: '2021-03', cumulative: 2, divisionsReached: 1 }, // 龙湾区 (浙江省 is no county)
      { month: '2021-05', cumulative: 5, divisionsReached: 2 }, // + 西湖区 (万顺社区 is in 龙湾区)
      { month: '2021-08', cumulative: 6, divisionsReached: 2 }, // 西藏 lies outside Zhejiang
      { month: '2022-01', cumulative: 7, divisionsReached: 3 }, // the company, through LOCATED_IN 萧山区
    ]);
  });

  it('carries the evidence of every point: sentence, report and date', () => {
    for (const adopter of figures.adopters) {
      expect(adopter.first.evidence?.text).toContain(adopter.entity.name);
      expect(adopter.first.documentIds).toContain(adopter.first.evidence?.documentId);
      expect(adopter.first.firstReported).toBe(adopter.firstReported);
    }
  });

  it('places adopters by their own code, through LOCATED_IN, or not at all', () => {
    const place = (e: EntityView) => figures.adopters.find((a) => a.entity.id === e.id)!.place;
    // A village whose county is known only from its 12-digit code.
    expect(place(F)).toMatchObject({
      source: 'OWN_CODE',
      precision: 'VILLAGE',
      inZhejiang: true,
      county: { code: '330381', name: '瑞安市' },
    });
    expect(place(F).township).toEqual({ code: '330381001', name: '安阳街道' });
    expect(place(D)).toMatchObject({
      source: 'LOCATED_IN',
      via: XIAOSHAN,
      precision: 'COUNTY',
      county: { code: '330109', name: '萧山区' },
    });
    expect(place(G)).toMatchObject({ source: 'NONE', precision: 'NONE', county: null, city: null });
    expect(place(H)).toMatchObject({ precision: 'PROVINCE', inZhejiang: true, county: null });
    expect(place(I)).toMatchObject({ precision: 'PROVINCE', inZhejiang: false, city: null });
  });

  it('counts the share of counties reached, those known only from undated reports apart', () => {
    // 龙湾区, 西湖区, 萧山区 dated; 瑞安市 only through the undated 兴隆社区; 上城埭村 adds nothing new.
    expect(figures.reach).toEqual({ reached: 4, total: 4, share: 1, undatedOnly: 1, notCounted: 3 });
  });

  it('measures the lag of each county behind the first report, and their median', () => {
    expect(figures.lags.map((l) => [l.division.name, l.firstReported, l.lagDays, names(l.adopters)])).toEqual([
      ['龙湾区', '2021-03-10', 0, ['龙湾区']],
      ['西湖区', '2021-05-20', 71, ['西湖区']], // 21 + 30 + 20 days
      ['萧山区', '2022-01-15', 311, ['某某科技有限公司']], // 306 days to 2022-01-10, and 5
    ]);
    expect(figures.medianLagDays).toBe(71);
  });

  it('names the first adopters of each city', () => {
    expect(figures.firstAdopters.map((f) => [f.city.name, f.firstReported, names(f.adopters)])).toEqual([
      ['温州市', '2021-03-10', ['龙湾区']],
      ['杭州市', '2021-05-20', ['西湖区']],
    ]);
  });

  it('has no designations: it is not a pilot', () => {
    expect(figures.designations).toBeNull();
    for (const a of figures.adopters) expect(a.designation).toBeNull();
  });
});

describe('the same spread by city and by township', () => {
  it('counts cities', () => {
    const figures = computeDiffusion(P, program, 'CITY', registry);
    expect(figures.reach).toEqual({ reached: 2, total: 2, share: 1, undatedOnly: 0, notCounted: 3 });
    expect(figures.lags.map((l) => [l.division.code, l.lagDays])).toEqual([
      ['3303', 0],
      ['3301', 71],
    ]);
  });

  it('counts townships, where only villages (and townships) reach', () => {
    const figures = computeDiffusion(P, program, 'TOWNSHIP', registry);
    expect(figures.reach).toEqual({ reached: 3, total: 6, share: 0.5, undatedOnly: 2, notCounted: 6 });
    expect(figures.lags.map((l) => [l.division.name, l.lagDays])).toEqual([['永中街道', 53]]);
    expect(figures.medianLagDays).toBe(53);
  });
});

describe('a pilot: designated before or after starting', () => {
  const pilot = [
    adoption(A, 'SELECTED_AS', Q, '2021-01-01'),
    adoption(A, 'IMPLEMENTS', Q, '2021-06-01'),
    adoption(C, 'IMPLEMENTS', Q, '2021-02-01'),
    adoption(C, 'SELECTED_AS', Q, '2021-04-01'),
    adoption(B, 'IMPLEMENTS', Q, '2021-03-03'),
    adoption(B, 'SELECTED_AS', Q, '2021-03-03'),
    adoption(E, 'SELECTED_AS', Q, null),
    adoption(E, 'IMPLEMENTS', Q, '2021-05-05'),
    adoption(F, 'SELECTED_AS', Q, null),
    adoption(D, 'IMPLEMENTS', Q, '2021-07-07'),
  ];
  const figures = computeDiffusion(Q, pilot, 'COUNTY', registry);
  const of = (e: EntityView) => figures.adopters.find((a) => a.entity.id === e.id)!;

  it('merges both relations into one adopter, dated by the earlier', () => {
    expect(figures.adopters).toHaveLength(6);
    expect(of(A)).toMatchObject({ firstReported: '2021-01-01', designation: 'BEFORE' });
    expect(of(A).first.relation.type).toBe('SELECTED_AS');
    expect(of(A).first.evidence?.text).toBe('龙湾区入选共同富裕示范区');
    expect(of(A).implements?.firstReported).toBe('2021-06-01');
    expect(of(C)).toMatchObject({ firstReported: '2021-02-01', designation: 'AFTER' });
    expect(of(C).first.relation.type).toBe('IMPLEMENTS');
    expect(of(B).designation).toBe('SAME_DAY');
    // Designated only in an undated report: its start is dated, the order is not known.
    expect(of(E)).toMatchObject({ firstReported: '2021-05-05', designation: 'UNDATED' });
    expect(of(F)).toMatchObject({ firstReported: null, designation: 'DESIGNATED_ONLY' });
    expect(of(D).designation).toBe('STARTED_ONLY');
  });

  it('sums the designations', () => {
    expect(figures.designations).toEqual({ before: 1, sameDay: 1, after: 1, undated: 1, designatedOnly: 1, startedOnly: 1 });
    expect(names(figures.undated)).toEqual(['兴隆社区']);
  });
});

describe('helpers', () => {
  it('reads codes in their significant form', () => {
    expect(significantCode('330300')).toBe('3303');
    expect(significantCode('330000')).toBe('33');
    expect(significantCode('330303')).toBe('330303');
    expect(significantCode('330303001011')).toBe('330303001011');
    expect(significantCode('33030')).toBeNull();
    expect(significantCode('abc')).toBeNull();
    expect(significantCode(null)).toBeNull();
  });

  it('counts days and medians', () => {
    expect(dayNumber('2021-03-01') - dayNumber('2021-02-01')).toBe(28);
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-01')).toBe(29);
    expect(median([5, 1, 3, 10])).toBe(4);
    expect(median([])).toBeNull();
  });
});
