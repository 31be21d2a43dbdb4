// Where each entity goes on the map. No npm package gives coordinates below the county, so only a
// county (or city) named by its own code sits at a fixed point, its label point; a township is
// spread inside its county, a village near its township, anything placed through LOCATED_IN near
// its district, each at a pseudo-random point seeded by its code or id, so the same entity always
// lands in the same place. Those positions are approximate and the map says so. Pure.
import type { LngLat } from './boundaries-data.ts';
import { contains, type Geography, type Shape } from './geo.ts';

/** Entities the map cannot place inside Zhejiang: drawn in a band under it, by group. */
export type TrayGroup = 'province' | 'outside' | 'unknown';

export interface PlaceInput {
  /** Used to seed the spread of entities placed through another's code. */
  entityId: string;
  /** The GB/T 2260 code that places it (significant digits), null when none. */
  code: string | null;
  /** Whether the code is the entity's own (a district or village) or its district's (LOCATED_IN). */
  own: boolean;
}

export interface Placement {
  /** Longitude and latitude; null for entities in the tray. */
  at: LngLat | null;
  /** True only at a county's or city's own label point. */
  exact: boolean;
  /** The county or city it was placed in, by code. */
  within: string | null;
  tray: TrayGroup | null;
}

/** FNV-1a: a 32-bit hash of a string, to seed the generator. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small seeded generator of numbers in [0, 1). */
export function seeded(key: string): () => number {
  let a = hash(key);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TRIES = 64;

/** A division code in its significant form (330300 → 3303, 330000 → 33); null when it is none. */
export function significant(code: string | null | undefined): string | null {
  if (!code || !/^\d+$/.test(code)) return null;
  if (code.length === 6) return code.endsWith('0000') ? code.slice(0, 2) : code.endsWith('00') ? code.slice(0, 4) : code;
  return [2, 4, 9, 12].includes(code.length) ? code : null;
}

/**
 * A point inside the shape, seeded by `key`: uniform over the shape, or within `radius` (a
 * fraction of the shape's size) of `near`. Falls back to `near` or the label point.
 */
export function pointIn(shape: Shape, key: string, near?: LngLat, radius = 0.2): LngLat {
  const random = seeded(key);
  const { minLng, minLat, maxLng, maxLat } = shape.box;
  const w = maxLng - minLng;
  const h = maxLat - minLat;
  for (let i = 0; i < TRIES; i++) {
    const point: LngLat = near
      ? [near[0] + (random() * 2 - 1) * w * radius, near[1] + (random() * 2 - 1) * h * radius]
      : [minLng + random() * w, minLat + random() * h];
    if (contains(shape.rings, point)) return point;
  }
  return near ?? shape.label;
}

/** Where an entity goes, from the code that places it. */
export function place(geo: Geography, input: PlaceInput): Placement {
  const tray = (group: TrayGroup): Placement => ({ at: null, exact: false, within: null, tray: group });
  const code = input.code;
  if (!code) return tray('unknown');
  if (!code.startsWith('33')) return tray('outside');
  if (code.length < 4) return tray('province');

  const county = code.length >= 6 ? geo.counties.get(code.slice(0, 6)) : undefined;
  if (county) {
    const at = (point: LngLat): Placement => ({ at: point, exact: false, within: county.code, tray: null });
    if (code.length === 6) {
      if (input.own) return { at: county.label, exact: true, within: county.code, tray: null };
      return at(pointIn(county, input.entityId, county.label, 0.25));
    }
    // A township somewhere in its county; its villages (and what lies in it) around it.
    const township = pointIn(county, code.slice(0, 9));
    if (code.length === 9 && input.own) return at(township);
    return at(pointIn(county, input.own ? code : `${code}|${input.entityId}`, township, 0.12));
  }
  const city = geo.cities.get(code.slice(0, 4));
  if (!city) return tray('province');
  if (code.length === 4 && input.own) return { at: city.label, exact: true, within: city.code, tray: null };
  // A code below the city that the boundaries do not know (a development zone): somewhere in the city.
  return { at: pointIn(city, `${code}|${input.entityId}`, city.label, 0.3), exact: false, within: city.code, tray: null };
}
