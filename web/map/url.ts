// The map's part of the address (`#…&map=…`): whether it is open, the programs, the slider's month
// and the view's options, as base64url JSON beside the canvas's `view=`. Decoding trusts nothing:
// a broken or foreign value gives null, never an exception.
import { COLOR_MODES, LAYOUTS, LEVELS, MAX_PROGRAMS, SPEEDS, initialMapState, type MapState } from './state.ts';

export const MAP_PARAM = 'map';
const MAX_LENGTH = 8_000;

interface Compact {
  v: 1;
  o?: 1;
  p: string[];
  m?: string;
  l?: string;
  c?: string;
  d?: string;
  s?: number;
  u?: 0;
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** The parameter's value for a state; null when there is nothing worth keeping (closed, nothing chosen). */
export function encodeMapParam(state: MapState): string | null {
  if (!state.open && state.programIds.length === 0) return null;
  const d = initialMapState();
  const c: Compact = { v: 1, p: state.programIds };
  if (state.open) c.o = 1;
  if (state.month !== null) c.m = state.month;
  if (state.layout !== d.layout) c.l = state.layout;
  if (state.colorBy !== d.colorBy) c.c = state.colorBy;
  if (state.level !== d.level) c.d = state.level;
  if (state.speed !== d.speed) c.s = state.speed;
  if (!state.showUndated) c.u = 0;
  return toBase64Url(JSON.stringify(c));
}

const oneOf = <T extends string | number>(list: readonly T[], value: unknown): value is T => (list as readonly unknown[]).includes(value);

/** The state a parameter describes, over the defaults; null when it is missing or unreadable. */
export function decodeMapParam(value: string | null | undefined): MapState | null {
  if (!value || value.length > MAX_LENGTH) return null;
  try {
    const raw: unknown = JSON.parse(fromBase64Url(value));
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
    const c = raw as Partial<Record<keyof Compact, unknown>>;
    if (c.v !== 1 || !Array.isArray(c.p)) return null;
    const state = initialMapState();
    state.open = c.o === 1;
    state.programIds = [...new Set(c.p.filter((id): id is string => typeof id === 'string' && id.length > 0 && id.length <= 500))].slice(
      0,
      MAX_PROGRAMS,
    );
    if (typeof c.m === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(c.m)) state.month = c.m;
    if (oneOf(LAYOUTS, c.l)) state.layout = c.l;
    if (oneOf(COLOR_MODES, c.c)) state.colorBy = c.c;
    if (oneOf(LEVELS, c.d)) state.level = c.d;
    if (oneOf(SPEEDS, c.s)) state.speed = c.s;
    if (c.u === 0) state.showUndated = false;
    return state;
  } catch {
    return null;
  }
}

/** The map's state from a location hash (with or without '#'). */
export function mapStateFromHash(hash: string): MapState | null {
  return decodeMapParam(new URLSearchParams(hash.replace(/^#/, '')).get(MAP_PARAM));
}
