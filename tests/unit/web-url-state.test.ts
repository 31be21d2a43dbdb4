import { describe, expect, it } from 'vitest';
import { decodeViewHash, encodeViewHash } from '../../web/state/url-state.ts';
import { initialViewState, reduce, type ViewState } from '../../web/state/view-state.ts';

const LONGWAN = 'District:龙湾区#330303';
const ODD = 'Company:温州"&<>\'#?=公司 100%';

function sample(): ViewState {
  let s = initialViewState('en');
  s = reduce(s, {
    type: 'expand',
    id: LONGWAN,
    ids: ['Program:共富工坊', ODD],
    positions: { [LONGWAN]: { x: 10.4, y: -3.6 }, [ODD]: { x: 120, y: 80 } },
  });
  s = reduce(s, { type: 'pin', ids: [LONGWAN], pinned: true });
  s = reduce(s, { type: 'hide', ids: ['Program:共富工坊'], hidden: true });
  s = reduce(s, {
    type: 'filters',
    filters: {
      entityTypes: ['District', 'Company'],
      relationTypes: ['IMPLEMENTS'],
      minWeight: 2,
      showCoMentions: true,
      dateRange: { from: '2022-01-01', to: null },
      includeUndated: true,
      documents: ['doc:浙江日报/1'],
    },
  });
  s = reduce(s, { type: 'select', id: ODD });
  // Styling and grouping travel with the link too.
  s = reduce(s, { type: 'styling', styling: { size: 'pagerank', color: 'community' } });
  s = reduce(s, {
    type: 'grouping',
    grouping: { places: true, folds: [{ hub: LONGWAN, type: 'Program' }], open: [`fold:${LONGWAN}:Program`] },
  });
  return reduce(s, { type: 'layout', name: 'concentric' });
}

describe('the view in the URL', () => {
  it('comes back the same, Chinese and reserved characters included', async () => {
    const state = sample();
    const hash = await encodeViewHash(state);
    expect(hash).toMatch(/^view=[A-Za-z0-9_-]+$/);
    const decoded = await decodeViewHash(`#${hash}`);
    expect(decoded.notice).toBeNull();
    expect(decoded.state).toEqual(state);
  });

  it('stays short for a large view: 500 entities with positions in well under 16 kB', async () => {
    let state = initialViewState();
    const ids = Array.from({ length: 500 }, (_, i) => `Village:第${i}村委会#3303${String(i).padStart(5, '0')}`);
    state = reduce(state, { type: 'show', ids, positions: Object.fromEntries(ids.map((id, i) => [id, { x: i * 13.7, y: -i * 7.1 }])) });
    const hash = await encodeViewHash(state);
    expect(hash.length).toBeLessThan(16_000);
    expect((await decodeViewHash(hash)).state.positions[ids[499]!]).toEqual({ x: Math.round(499 * 13.7), y: Math.round(-499 * 7.1) });
  });

  it('no hash is the default view without a notice', async () => {
    expect(await decodeViewHash('')).toEqual({ state: initialViewState(), notice: null });
    expect(await decodeViewHash('#tab=evidence')).toEqual({ state: initialViewState(), notice: null });
  });

  it('a broken hash is the default view with a notice, never an exception', async () => {
    const good = await encodeViewHash(sample());
    const broken = [
      'view=!!!',
      'view=%E4%B8%AD',
      'view=AAAA',
      `view=${good.slice(5, 40)}`,
      `view=${'A'.repeat(500_001)}`,
      'view=' + Buffer.from('{"v":1}').toString('base64url'),
    ];
    for (const hash of broken) {
      const decoded = await decodeViewHash(hash, 'en');
      expect(decoded.state, hash.slice(0, 30)).toEqual(initialViewState('en'));
      expect(decoded.notice, hash.slice(0, 30)).not.toBeNull();
    }
  });

  it('keeps what is valid from a foreign payload and says that parts were left out', async () => {
    const raw = {
      v: 1,
      e: [LONGWAN, 42, 'Program:共富工坊', 'x'.repeat(600)],
      x: [0, 1, 3, 9],
      p: ['a'],
      o: [0, 1, 2, 2, 'x', 3, 2, 5, 6],
      f: { t: ['District', 'Planet'], w: -1 },
      l: 'spiral',
      g: 'fr',
    };
    const bytes = await new Response(
      new Blob([JSON.stringify(raw)]).stream().pipeThrough(new CompressionStream('deflate-raw')),
    ).arrayBuffer();
    const decoded = await decodeViewHash(`view=${Buffer.from(bytes).toString('base64url')}`, 'zh');
    expect(decoded.notice).toBe('partial');
    expect(decoded.state).toMatchObject({
      entities: [LONGWAN, 'Program:共富工坊'],
      expanded: [LONGWAN],
      pinned: [],
      layout: 'fcose',
      language: 'zh',
      positions: { [LONGWAN]: { x: 1, y: 2 }, 'Program:共富工坊': { x: 5, y: 6 } },
    });
    expect(decoded.state.filters).toMatchObject({ entityTypes: ['District'], minWeight: 1 });
  });

  it('refuses a payload that inflates past the limit', async () => {
    const bomb = JSON.stringify({ v: 1, e: [], s: 'x'.repeat(5_000_000) });
    const bytes = await new Response(new Blob([bomb]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer();
    const decoded = await decodeViewHash(`view=${Buffer.from(bytes).toString('base64url')}`);
    expect(decoded.notice).toBe('unreadable');
  });
});
