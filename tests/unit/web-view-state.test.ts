import { describe, expect, it } from 'vitest';
import { History } from '../../web/state/history.ts';
import { createViewStore, initialViewState, isShown, reduce } from '../../web/state/view-state.ts';
import { setLanguage, t } from '../../web/i18n/index.ts';
import { errorText } from '../../web/panels/dom.ts';
import { edgePasses, nodePasses } from '../../web/state/filters.ts';
import { defaultFilters } from '../../web/state/vocabulary.ts';

const LONGWAN = 'District:龙湾区#330303';
const WORKSHOP = 'Program:共富工坊';

describe('view state', () => {
  it('adds shown entities once, in order, and rounds their positions', () => {
    let s = reduce(initialViewState(), { type: 'show', ids: [LONGWAN, WORKSHOP], positions: { [LONGWAN]: { x: 1.6, y: -2.4 } } });
    s = reduce(s, { type: 'show', ids: [WORKSHOP, 'Village:下垟村'] });
    expect(s.entities).toEqual([LONGWAN, WORKSHOP, 'Village:下垟村']);
    expect(s.positions[LONGWAN]).toEqual({ x: 2, y: -2 });
  });

  it('forgets everything about removed entities, selection included', () => {
    let s = reduce(initialViewState(), { type: 'expand', id: LONGWAN, ids: [WORKSHOP], positions: { [WORKSHOP]: { x: 5, y: 5 } } });
    s = reduce(s, { type: 'pin', ids: [WORKSHOP], pinned: true });
    s = reduce(s, { type: 'hide', ids: [WORKSHOP], hidden: true });
    s = reduce(s, { type: 'select', id: WORKSHOP });
    s = reduce(s, { type: 'remove', ids: [WORKSHOP] });
    expect(s).toMatchObject({ entities: [LONGWAN], expanded: [LONGWAN], pinned: [], hidden: [], selection: null });
    expect(s.positions).toEqual({});
  });

  it('never changes the state it is given', () => {
    const before = initialViewState();
    const frozen = JSON.stringify(before);
    reduce(before, { type: 'filters', filters: { minWeight: 3 } });
    reduce(before, { type: 'show', ids: [LONGWAN] });
    expect(JSON.stringify(before)).toBe(frozen);
  });
});

describe('filters', () => {
  const edge = { type: 'IMPLEMENTS' as const, weight: 2, documents: ['doc-1'], firstReported: '2023-05-01' };

  it('hide co-mentions unless asked for, whatever the relation types chosen', () => {
    const co = { ...edge, type: 'CO_MENTIONED' as const };
    expect(edgePasses(co, defaultFilters())).toBe(false);
    expect(edgePasses(co, { ...defaultFilters(), showCoMentions: true, relationTypes: ['FUNDS'] })).toBe(true);
  });

  it('apply relation types, weight, documents and dates', () => {
    const f = defaultFilters();
    expect(edgePasses(edge, f)).toBe(true);
    expect(edgePasses(edge, { ...f, relationTypes: ['FUNDS'] })).toBe(false);
    expect(edgePasses(edge, { ...f, minWeight: 3 })).toBe(false);
    expect(edgePasses(edge, { ...f, documents: ['doc-2'] })).toBe(false);
    expect(edgePasses(edge, { ...f, dateRange: { from: '2023-06-01', to: null } })).toBe(false);
    expect(edgePasses(edge, { ...f, dateRange: { from: null, to: '2023-05-01' } })).toBe(true);
    expect(nodePasses('Village', { ...f, entityTypes: ['District'] })).toBe(false);
    expect(nodePasses('Village', f)).toBe(true);
  });
});

describe('history', () => {
  it('undoes and redoes, and a new change clears what could be redone', () => {
    const h = new History('a');
    h.push('b');
    h.push('c');
    expect(h.undo()).toBe('b');
    expect(h.undo()).toBe('a');
    expect(h.undo()).toBeNull();
    expect(h.redo()).toBe('b');
    h.push('d');
    expect(h.canRedo()).toBe(false);
    expect(h.redo()).toBeNull();
    expect(h.undo()).toBe('b');
  });

  it('keeps at most its cap, dropping the oldest', () => {
    const h = new History(0, 200);
    for (let i = 1; i <= 250; i++) h.push(i);
    expect(h.size).toBe(200);
    let last: number | null = null;
    for (let step = h.undo(); step !== null; step = h.undo()) last = step;
    expect(last).toBe(51);
  });
});

describe('view store', () => {
  it('undoes canvas changes but not selection or language', () => {
    const store = createViewStore();
    const seen: string[] = [];
    store.subscribe((_, action) => seen.push(typeof action === 'string' ? action : action.type));
    store.dispatch({ type: 'show', ids: [LONGWAN] });
    store.dispatch({ type: 'show', ids: [WORKSHOP] });
    store.dispatch({ type: 'select', id: LONGWAN });
    store.dispatch({ type: 'language', language: 'en' });
    expect(store.undo()?.entities).toEqual([LONGWAN]);
    expect(store.state.selection).toBe(LONGWAN);
    expect(store.state.language).toBe('en');
    expect(store.undo()?.entities).toEqual([]);
    expect(store.canUndo()).toBe(false);
    expect(store.redo()?.entities).toEqual([LONGWAN]);
    expect(seen).toEqual(['show', 'show', 'select', 'language', 'undo', 'undo', 'redo']);
  });
});

describe('the explorer view, as the app runs it', () => {
  it('after Delete then Ctrl+Z the entity is back and selected again, so its buttons apply to it', () => {
    const store = createViewStore();
    store.dispatch({ type: 'show', ids: [LONGWAN, WORKSHOP] });
    store.dispatch({ type: 'select', id: WORKSHOP });
    store.dispatch({ type: 'hide', ids: [WORKSHOP], hidden: true });
    // Nothing hidden stays selected.
    expect(store.state.selection).toBeNull();
    store.undo();
    expect(store.state.hidden).toEqual([]);
    expect(isShown(store.state, store.state.selection)).toBe(true);
    expect(store.state.selection).toBe(WORKSHOP);
  });

  it('keeps the current selection through undo while it is shown, and never selects what undo took away', () => {
    const store = createViewStore();
    store.dispatch({ type: 'show', ids: [LONGWAN] });
    store.dispatch({ type: 'show', ids: [WORKSHOP] });
    store.dispatch({ type: 'select', id: WORKSHOP });
    store.undo();
    expect(store.state.entities).toEqual([LONGWAN]);
    expect(store.state.selection).toBeNull();
  });

  it('amends a step with the positions its layout found, without a step of their own', () => {
    const store = createViewStore();
    store.dispatch({ type: 'expand', id: LONGWAN, ids: [WORKSHOP] });
    store.dispatch({ type: 'positions', positions: { [WORKSHOP]: { x: 10.4, y: 3 } }, amend: true });
    expect(store.state.positions[WORKSHOP]).toEqual({ x: 10, y: 3 });
    store.undo();
    expect(store.state.entities).toEqual([]);
    expect(store.canUndo()).toBe(false);
  });

  it('holds styling and grouping, undoable, and a saved view replaces the whole state in one step', () => {
    const store = createViewStore();
    store.dispatch({ type: 'show', ids: [LONGWAN] });
    store.dispatch({ type: 'styling', styling: { color: 'community' } });
    store.dispatch({ type: 'grouping', grouping: { folds: [{ hub: LONGWAN, type: 'Program' }] } });
    expect(store.state.styling).toEqual({ size: 'degree', color: 'community' });
    store.dispatch({ type: 'replace', state: { ...initialViewState('zh'), entities: [WORKSHOP] } });
    expect(store.state.entities).toEqual([WORKSHOP]);
    store.undo();
    expect(store.state.grouping.folds).toEqual([{ hub: LONGWAN, type: 'Program' }]);
    store.dispatch({ type: 'remove', ids: [LONGWAN] });
    expect(store.state.grouping.folds).toEqual([]);
  });

  it('leaves out relations only undated reports state once a date range is set, unless asked to keep them', () => {
    const undated = { type: 'IMPLEMENTS' as const, weight: 1, documents: [], firstReported: null };
    const unknown = { ...undated, firstReported: undefined };
    const range = { ...defaultFilters(), dateRange: { from: '2023-01-01', to: '2023-12-31' } };
    expect(edgePasses(undated, defaultFilters())).toBe(true);
    expect(edgePasses(undated, range)).toBe(false);
    expect(edgePasses(undated, { ...range, includeUndated: true })).toBe(true);
    // Not known yet (its dates are being fetched): not judged.
    expect(edgePasses(unknown, range)).toBe(true);
  });
});

describe('the interface words', () => {
  it('says "1 sentence" and "2 sentences" in English', () => {
    setLanguage('en');
    try {
      expect(t('evidence.count', { count: 1 })).toBe('1 sentence');
      expect(t('evidence.count', { count: 2 })).toBe('2 sentences');
    } finally {
      setLanguage('zh');
    }
  });

  it('words a server error by its code in the page language, keeping the server’s words as the detail', () => {
    const error = Object.assign(new Error('the query took longer than allowed and was stopped'), { code: 'TIMEOUT' });
    expect(errorText(error)).toEqual({ text: '出错了：查询超时，请缩小范围后再试', detail: error.message, code: 'TIMEOUT' });
  });
});
