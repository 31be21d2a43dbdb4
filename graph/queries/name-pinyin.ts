// Pinyin readings of names for search: the full reading (`long wan qu`), the same without spaces
// (`longwanqu`) and the initials (`lwq`), tones dropped, ü written v. Place names read as the
// places are read (./place-readings.ts), not as the characters usually are.
import { customPinyin, pinyin } from 'pinyin-pro';
import { PLACE_READINGS } from './place-readings.ts';

export interface NameReading {
  /** Syllables separated by spaces, for display (`yue qing shi`). */
  spaced: string;
  /** Letters and digits only: what a pinyin query is compared with. */
  full: string;
  initials: string;
  /**
   * Where each syllable after the first starts in `full` and in `initials`: a query may begin at
   * any syllable (`wanqu`, `wq` for 龙湾区), as a name's characters may be searched from any one.
   */
  inner: Array<{ full: number; initials: number }>;
}

let dictionaryReady = false;

/** pinyin-pro's custom dictionary is process-wide; it is filled once, on first use. */
function usePlaceReadings(): void {
  if (dictionaryReady) return;
  customPinyin({ ...PLACE_READINGS });
  dictionaryReady = true;
}

const HAN = /\p{Script=Han}/u;
const NOT_ALPHANUMERIC = /[^a-z0-9]+/g;

/** The reading of one name; characters that are not Chinese stand for themselves. */
export function readName(name: string): NameReading {
  usePlaceReadings();
  const syllables = pinyin(name, { toneType: 'none', type: 'array', v: true });
  const aligned = syllables.length === name.length;
  const parts: string[] = [];
  const inner: Array<{ full: number; initials: number }> = [];
  let initials = '';
  let full = 0;
  let run = '';
  const push = (part: string, initial: string) => {
    if (parts.length > 0) inner.push({ full, initials: initials.length });
    parts.push(part);
    full += part.length;
    initials += initial;
  };
  const flush = () => {
    if (run) push(run, run);
    run = '';
  };
  syllables.forEach((syllable, i) => {
    const lower = syllable.toLowerCase().replace(NOT_ALPHANUMERIC, '');
    if (!lower) return flush();
    if (aligned && !HAN.test(name[i]!)) {
      run += lower;
      return;
    }
    flush();
    push(lower, lower[0]!);
  });
  flush();
  return { spaced: parts.join(' '), full: parts.join(''), initials, inner };
}

/**
 * A query as pinyin, or null when it is not one: Latin letters with or without tone marks or
 * tone numbers, spaces and apostrophes (`Lóng wān`, `long2 wan1`, `xi'an`) → `longwan`.
 */
export function pinyinQuery(query: string): string | null {
  const bare = query
    .toLowerCase()
    .normalize('NFD')
    .replace(/u\u0308|u:/g, 'v')
    .replace(/[\u0300-\u036f]/g, '');
  if (!/^(?:[a-z]+[1-5]?|[\s'’-])+$/.test(bare) || !/[a-z]/.test(bare)) return null;
  return bare.replace(/([a-z])[1-5]/g, '$1').replace(/[^a-z]/g, '') || null;
}
