// Zhejiang drawn flat: the boundaries decoded from TopoJSON, projected equirectangularly (longitude
// scaled by the cosine of the middle latitude, true to within 2% over the province), as SVG path
// data for the counties, the borders between them, the cities' borders and the coast. Pure.
import type { MultiPolygon as GeoMultiPolygon, Polygon as GeoPolygon, Position } from 'geojson';
import { feature, merge, mesh } from 'topojson-client';
import type { MultiPolygon, Polygon } from 'topojson-specification';
import type { LngLat, ZhejiangBoundaries } from './boundaries-data.ts';

/** Polygons of rings of [lng, lat]: the first ring outer, the others holes. */
export type Rings = LngLat[][][];

export interface Box {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

export interface Projection {
  /** Map units (the SVG's user space), x to the east, y to the south. */
  project(point: LngLat): [number, number];
  width: number;
  height: number;
}

export interface Shape {
  code: string;
  name: string;
  /** SVG path data in map units. */
  path: string;
  rings: Rings;
  box: Box;
  /** A point inside it, far from its edges. */
  label: LngLat;
}

export interface Geography {
  projection: Projection;
  counties: Map<string, Shape>;
  cities: Map<string, Shape>;
  /** Borders between counties of the same city, between cities, and the province's outline. */
  countyBorders: string;
  cityBorders: string;
  outline: string;
  source: ZhejiangBoundaries['source'];
}

/** Longitude scale: the cosine of the province's middle latitude (about 29.2°). */
export function projectionFor(box: Box, width: number, padding: number): Projection {
  const k = Math.cos((((box.minLat + box.maxLat) / 2) * Math.PI) / 180);
  const scale = (width - 2 * padding) / ((box.maxLng - box.minLng) * k);
  const height = Math.ceil((box.maxLat - box.minLat) * scale + 2 * padding);
  return {
    project: ([lng, lat]) => [padding + (lng - box.minLng) * k * scale, padding + (box.maxLat - lat) * scale],
    width,
    height,
  };
}

function boxOf(rings: Rings): Box {
  const box = { minLng: Infinity, minLat: Infinity, maxLng: -Infinity, maxLat: -Infinity };
  for (const polygon of rings)
    for (const ring of polygon)
      for (const [lng, lat] of ring) {
        if (lng < box.minLng) box.minLng = lng;
        if (lng > box.maxLng) box.maxLng = lng;
        if (lat < box.minLat) box.minLat = lat;
        if (lat > box.maxLat) box.maxLat = lat;
      }
  return box;
}

const round = (v: number) => Math.round(v * 10) / 10;

function ringsPath(rings: ReadonlyArray<ReadonlyArray<Position>>, projection: Projection, close: boolean): string {
  let d = '';
  for (const ring of rings) {
    ring.forEach((point, i) => {
      const [x, y] = projection.project(point as LngLat);
      d += `${i === 0 ? 'M' : 'L'}${round(x)},${round(y)}`;
    });
    if (close) d += 'Z';
  }
  return d;
}

function polygonsOf(geometry: GeoPolygon | GeoMultiPolygon): Rings {
  return (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as Rings;
}

/** Everything the map draws and places points in, from the build's boundaries. */
export function buildGeography(data: ZhejiangBoundaries, width = 1000, padding = 12): Geography {
  const topo = data.topology;
  const collection = feature(topo, topo.objects.counties);
  const countyRings = new Map<string, { name: string; rings: Rings }>();
  for (const f of collection.features) {
    if (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon') continue;
    countyRings.set(String(f.id), { name: f.properties.name, rings: polygonsOf(f.geometry) });
  }
  const all = boxOf([...countyRings.values()].flatMap((c) => c.rings));
  const projection = projectionFor(all, width, padding);
  const shape = (code: string, name: string, rings: Rings, label: LngLat): Shape => ({
    code,
    name,
    rings,
    box: boxOf(rings),
    label,
    path: ringsPath(rings.flat(), projection, true),
  });

  const counties = new Map<string, Shape>();
  for (const [code, { name, rings }] of countyRings) counties.set(code, shape(code, name, rings, data.labels[code] ?? [0, 0]));
  const cities = new Map<string, Shape>();
  const geometries = topo.objects.counties.geometries as Array<Polygon | MultiPolygon>;
  for (const [code, city] of Object.entries(data.cities)) {
    const union = merge(
      topo,
      geometries.filter((g) => String(g.id).startsWith(code)),
    );
    cities.set(code, shape(code, city.name, polygonsOf(union), city.label));
  }
  const lines = (filter: (a: { id?: string | number }, b: { id?: string | number }) => boolean) =>
    ringsPath(mesh(topo, topo.objects.counties, filter).coordinates, projection, false);
  const cityOf = (g: { id?: string | number }) => String(g.id).slice(0, 4);
  return {
    projection,
    counties,
    cities,
    countyBorders: lines((a, b) => a !== b && cityOf(a) === cityOf(b)),
    cityBorders: lines((a, b) => a !== b && cityOf(a) !== cityOf(b)),
    outline: lines((a, b) => a === b),
    source: data.source,
  };
}

/** Whether a point lies inside polygons (even-odd rule over every ring, so holes are outside). */
export function contains(rings: Rings, [lng, lat]: LngLat): boolean {
  let inside = false;
  for (const polygon of rings)
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
  return inside;
}
