// The view in the URL hash (`#view=…`), so a link or a reload shows the same thing. The state is
// written as compact JSON with short keys and positions by index into the entity list, compressed
// with deflate-raw (CompressionStream) and base64url-encoded. Decoding trusts nothing: any
// malformed, oversized or foreign hash gives the default view and a notice, never an exception.
import { initialViewState, type ViewState } from './view-state.ts';
import {
  ENTITY_TYPES,
  LAYOUT_NAMES,
  RELATION_TYPES,
  defaultFilters,
  defaultGrouping,
  defaultStyling,
  type EntityType,
  type Language,
  type LayoutName,
  type Positions,
  type RelationType,
} from './vocabulary.ts';

const FORMAT = 1;
/** Longest hash payload accepted, and most bytes it may inflate to. */
const MAX_PAYLOAD = 400_000;
const MAX_INFLATED = 4_000_000;
const MAX_IDS = 20_000;
const MAX_ID_LENGTH = 500;

export interface Compact {
  v: number;
  e: string[];
  x?: number[];
  h?: number[];
  p?: number[];
  o?: number[]; // [index, x, y, index, x, y, …]
  f?: { t?: string[]; r?: string[]; d?: string[]; w?: number; q?: number; a?: [string | null, string | null]; u?: 1; c?: 1 };
  s?: string;
  l?: string;
  g?: string;
  /** Styling: size by PageRank, colour by community. */
  y?: { s?: 'pagerank'; c?: 'community' };
  /** Grouping: places, programs, folds as [hub index, type], open group ids. */
  k?: { p?: 1; g?: 1; f?: Array<[number, string]>; o?: string[] };
}

/** Why a hash was not (wholly) used: the page words it in the user's language. */
export type ViewNotice = 'too-long' | 'unreadable' | 'partial';

export interface DecodedView {
  state: ViewState;
  /** Why the hash was not (wholly) used, to show the user; null when it was. */
  notice: ViewNotice | null;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function through(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw new Error('too large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The view as compact JSON (short keys, positions by index): what a link and a saved view hold. */
export function compactView(state: ViewState): Compact {
  const index = new Map(state.entities.map((id, i) => [id, i]));
  const indices = (ids: readonly string[]) => ids.map((id) => index.get(id)).filter((i): i is number => i !== undefined);
  const o: number[] = [];
  for (const [id, p] of Object.entries(state.positions)) {
    const i = index.get(id);
    if (i !== undefined) o.push(i, Math.round(p.x), Math.round(p.y));
  }
  const f = state.filters;
  const d = defaultFilters();
  const filters: Compact['f'] = {};
  if (f.entityTypes.length) filters.t = f.entityTypes;
  if (f.relationTypes.length) filters.r = f.relationTypes;
  if (f.documents.length) filters.d = f.documents;
  if (f.minWeight !== d.minWeight) filters.w = f.minWeight;
  if (f.minConfidence !== d.minConfidence) filters.q = f.minConfidence;
  if (f.dateRange.from !== null || f.dateRange.to !== null) filters.a = [f.dateRange.from, f.dateRange.to];
  if (f.includeUndated) filters.u = 1;
  if (f.showCoMentions) filters.c = 1;
  const out: Compact = { v: FORMAT, e: state.entities };
  if (state.expanded.length) out.x = indices(state.expanded);
  if (state.hidden.length) out.h = indices(state.hidden);
  if (state.pinned.length) out.p = indices(state.pinned);
  if (o.length) out.o = o;
  if (Object.keys(filters).length) out.f = filters;
  if (state.selection !== null) out.s = state.selection;
  if (state.layout !== 'fcose') out.l = state.layout;
  out.g = state.language;
  const y: Compact['y'] = {};
  if (state.styling.size === 'pagerank') y.s = 'pagerank';
  if (state.styling.color === 'community') y.c = 'community';
  if (Object.keys(y).length) out.y = y;
  const g = state.grouping;
  const k: Compact['k'] = {};
  if (g.places) k.p = 1;
  if (g.programs) k.g = 1;
  const folds = g.folds.flatMap((fold): Array<[number, string]> => {
    const i = index.get(fold.hub);
    return i === undefined ? [] : [[i, fold.type]];
  });
  if (folds.length) k.f = folds;
  if (g.open.length) k.o = g.open;
  if (Object.keys(k).length) out.k = k;
  return out;
}

/** The hash fragment for a view, without '#': `view=…`. */
export async function encodeViewHash(state: ViewState): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(compactView(state)));
  const packed = await through(json, new CompressionStream('deflate-raw'), MAX_INFLATED);
  return `view=${toBase64Url(packed)}`;
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_ID_LENGTH;
const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
const oneOf =
  <T extends string>(list: readonly T[]) =>
  (v: unknown): v is T =>
    typeof v === 'string' && (list as readonly string[]).includes(v);

function strings<T extends string>(value: unknown, ok: (v: unknown) => v is T): T[] {
  return Array.isArray(value) ? [...new Set(value.filter(ok))].slice(0, MAX_IDS) : [];
}

/** Rebuilds a view from untrusted compact data, keeping what is valid and saying whether anything was dropped. Throws when it is not a view. */
export function expandView(raw: unknown, fallbackLanguage: Language): { state: ViewState; dropped: boolean } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('not an object');
  const c = raw as Partial<Record<keyof Compact, unknown>>;
  if (c.v !== FORMAT) throw new Error('unknown format');
  let dropped = false;
  const entities = strings(c.e, isString);
  if (!Array.isArray(c.e) || entities.length !== c.e.length) dropped = true;
  // Indices refer to the list as written; map them through the raw list so dropped entries do not shift the rest.
  const rawIds = Array.isArray(c.e) ? (c.e as unknown[]) : [];
  const kept = new Set(entities);
  const byIndex = (value: unknown): string[] => {
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      dropped = true;
      return [];
    }
    const out: string[] = [];
    for (const i of value) {
      const id = Number.isInteger(i) ? rawIds[i as number] : undefined;
      if (typeof id === 'string' && kept.has(id)) out.push(id);
      else dropped = true;
    }
    return [...new Set(out)];
  };
  const positions: Positions = {};
  if (Array.isArray(c.o)) {
    const o = c.o as unknown[];
    if (o.length % 3 !== 0) dropped = true;
    for (let k = 0; k + 2 < o.length; k += 3) {
      const i: unknown = o[k];
      const x: unknown = o[k + 1];
      const y: unknown = o[k + 2];
      const id = Number.isInteger(i) ? rawIds[i as number] : undefined;
      if (
        typeof id === 'string' &&
        kept.has(id) &&
        Number.isFinite(x) &&
        Number.isFinite(y) &&
        Math.abs(x as number) < 1e7 &&
        Math.abs(y as number) < 1e7
      ) {
        positions[id] = { x: x as number, y: y as number };
      } else dropped = true;
    }
  } else if (c.o !== undefined) dropped = true;
  const filters = defaultFilters();
  if (c.f !== undefined) {
    if (typeof c.f !== 'object' || c.f === null) dropped = true;
    else {
      const f = c.f as NonNullable<Compact['f']>;
      filters.entityTypes = strings<EntityType>(f.t, oneOf(ENTITY_TYPES));
      filters.relationTypes = strings<RelationType>(f.r, oneOf(RELATION_TYPES));
      filters.documents = strings(f.d, isString);
      if (f.w !== undefined) {
        if (Number.isInteger(f.w) && f.w >= 1 && f.w <= 10_000) filters.minWeight = f.w;
        else dropped = true;
      }
      if (f.q !== undefined) {
        if (typeof f.q === 'number' && f.q >= 0 && f.q <= 1) filters.minConfidence = f.q;
        else dropped = true;
      }
      if (Array.isArray(f.a)) filters.dateRange = { from: isDate(f.a[0]) ? f.a[0] : null, to: isDate(f.a[1]) ? f.a[1] : null };
      filters.includeUndated = f.u === 1;
      filters.showCoMentions = f.c === 1;
    }
  }
  const styling = defaultStyling();
  if (c.y !== undefined) {
    const y = (typeof c.y === 'object' && c.y !== null ? c.y : {}) as NonNullable<Compact['y']>;
    if (y.s === 'pagerank') styling.size = 'pagerank';
    if (y.c === 'community') styling.color = 'community';
    if (typeof c.y !== 'object' || c.y === null || (y.s !== undefined && y.s !== 'pagerank') || (y.c !== undefined && y.c !== 'community'))
      dropped = true;
  }
  const grouping = defaultGrouping();
  if (c.k !== undefined) {
    if (typeof c.k !== 'object' || c.k === null) dropped = true;
    else {
      const k = c.k as NonNullable<Compact['k']>;
      grouping.places = k.p === 1;
      grouping.programs = k.g === 1;
      if (Array.isArray(k.f)) {
        for (const fold of k.f as unknown[]) {
          const [i, type] = Array.isArray(fold) ? (fold as unknown[]) : [];
          const hub = Number.isInteger(i) ? rawIds[i as number] : undefined;
          if (typeof hub === 'string' && kept.has(hub) && oneOf(ENTITY_TYPES)(type)) grouping.folds.push({ hub, type });
          else dropped = true;
        }
      }
      grouping.open = strings(k.o, isString);
    }
  }
  const state: ViewState = {
    ...initialViewState(fallbackLanguage),
    styling,
    grouping,
    entities,
    expanded: byIndex(c.x),
    hidden: byIndex(c.h),
    pinned: byIndex(c.p),
    positions,
    filters,
    selection: isString(c.s) ? c.s : null,
    layout: oneOf<LayoutName>(LAYOUT_NAMES)(c.l) ? c.l : 'fcose',
    language: c.g === 'en' || c.g === 'zh' ? c.g : fallbackLanguage,
  };
  if ((c.s !== undefined && state.selection === null) || (c.l !== undefined && state.layout !== c.l)) dropped = true;
  return { state, dropped };
}

/**
 * The view in a location hash (with or without '#'). No `view=` parameter: the default view, no
 * notice. A broken one: the default view and a notice. Never throws.
 */
export async function decodeViewHash(hash: string, fallbackLanguage: Language = 'zh'): Promise<DecodedView> {
  const fallback = (notice: ViewNotice | null): DecodedView => ({ state: initialViewState(fallbackLanguage), notice });
  try {
    const params = new URLSearchParams(hash.replace(/^#/, ''));
    const payload = params.get('view');
    if (payload === null || payload === '') return fallback(null);
    if (payload.length > MAX_PAYLOAD) return fallback('too-long');
    const json = new TextDecoder('utf-8', { fatal: true }).decode(
      await through(fromBase64Url(payload), new DecompressionStream('deflate-raw'), MAX_INFLATED),
    );
    const { state, dropped } = expandView(JSON.parse(json), fallbackLanguage);
    return { state, notice: dropped ? 'partial' : null };
  } catch {
    return fallback('unreadable');
  }
}

/**
 * A hash with some parameters set (null: removed) and the others kept, so each part of the page
 * (the canvas's `view`, the map's `map`) writes its own without dropping the others'.
 */
export function withHashParams(hash: string, params: Record<string, string | null>): string {
  const out = new URLSearchParams(hash.replace(/^#/, ''));
  for (const [name, value] of Object.entries(params)) {
    if (value === null) out.delete(name);
    else out.set(name, value);
  }
  const text = out.toString();
  return text ? `#${text}` : '';
}
