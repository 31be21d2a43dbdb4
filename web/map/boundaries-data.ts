// The shape of Zhejiang's boundaries as the build hands them to the map (virtual module
// `virtual:zhejiang-boundaries`, made by scripts/zhejiang-boundaries.ts from an npm package).
import type { GeometryCollection, Topology } from 'topojson-specification';

/** Longitude, latitude (WGS84; the source's CGCS2000 differs by centimetres). */
export type LngLat = [number, number];

export interface CountyProperties {
  /** The county's full name (上城区, 龙港市). */
  name: string;
}

export interface ZhejiangBoundaries {
  /** Where the boundaries come from, for the map's source line. */
  source: { package: string; version: string; licence: string; data: string };
  /** The 90 county-level divisions, id = GB/T 2260 code (6 digits), quantized. Cities are their unions. */
  topology: Topology<{ counties: GeometryCollection<CountyProperties> }>;
  /** The 11 cities by 4-digit code: name and label point (inside the city, far from its edges). */
  cities: Record<string, { name: string; label: LngLat }>;
  /** Each county's label point by 6-digit code. */
  labels: Record<string, LngLat>;
}
