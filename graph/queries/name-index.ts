// The in-memory index behind search: every entity's names, aliases and official name, their
// pinyin and initials, in sorted tables, so exact, prefix, pinyin and initials matches are binary
// searches. Built from one streamed read of the graph (./search.ts), pure otherwise.
import { simplifyName } from '../extraction/index.ts';
import { pinyinQuery, readName, type NameReading } from './name-pinyin.ts';
import type { EntityView, MatchKind } from './views.ts';

export interface NameMatch {
  entity: EntityView;
  matchedBy: MatchKind;
  /** The name, alias or reading that matched. */
  matched: string;
}

export const MATCH_RANK: Readonly<Record<MatchKind, number>> = { EXACT: 0, PREFIX: 1, PINYIN: 2, INITIALS: 3, FULLTEXT: 4 };

/** Keys in code-unit order, each pointing at an entity and at what to show as matched. */
class SortedKeys {
  private keys: string[] = [];
  private owners: number[] = [];
  private shown: string[] = [];

  constructor(rows: Array<[key: string, owner: number, shown: string]>) {
    rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    for (const [key, owner, shown] of rows) {
      this.keys.push(key);
      this.owners.push(owner);
      this.shown.push(shown);
    }
  }

  /** Every key starting with `prefix`, in order. */
  *withPrefix(prefix: string): Generator<{ key: string; owner: number; shown: string }> {
    let low = 0;
    let high = this.keys.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.keys[mid]! < prefix) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < this.keys.length && this.keys[i]!.startsWith(prefix); i++) {
      yield { key: this.keys[i]!, owner: this.owners[i]!, shown: this.shown[i]! };
    }
  }
}

export interface NameIndexOptions {
  /** Readings already computed (by the index this one replaces): names are read once per process. */
  readings?: Map<string, NameReading>;
  /** Names read between two pauses that let other work run; 0 reads all at once. */
  sliceSize?: number;
}

export class NameIndex {
  private constructor(
    private readonly entities: EntityView[],
    private readonly byIdMap: Map<string, number>,
    private readonly names: SortedKeys,
    private readonly pinyin: SortedKeys,
    private readonly initials: SortedKeys,
    /** Readings from their second syllable on, each start its own key. */
    private readonly innerPinyin: SortedKeys,
    private readonly innerInitials: SortedKeys,
    /** The readings it was built with, for the next build. */
    readonly readings: Map<string, NameReading>,
  ) {}

  static async build(entities: EntityView[], options: NameIndexOptions = {}): Promise<NameIndex> {
    const previous = options.readings ?? new Map<string, NameReading>();
    const readings = new Map<string, NameReading>();
    const sliceSize = options.sliceSize ?? 2000;
    const nameRows: Array<[string, number, string]> = [];
    const pinyinRows: Array<[string, number, string]> = [];
    const initialRows: Array<[string, number, string]> = [];
    const innerPinyinRows: Array<[string, number, string]> = [];
    const innerInitialRows: Array<[string, number, string]> = [];
    const byId = new Map<string, number>();
    for (let i = 0; i < entities.length; i++) {
      if (sliceSize > 0 && i > 0 && i % sliceSize === 0) await new Promise((resolve) => setImmediate(resolve));
      const entity = entities[i]!;
      byId.set(entity.id, i);
      const surfaces = new Set<string>();
      for (const text of [entity.name, ...entity.aliases, entity.officialName ?? '']) {
        if (!text) continue;
        const lower = text.toLowerCase();
        const simplified = simplifyName(lower);
        for (const key of new Set([lower, simplified])) nameRows.push([key, i, text]);
        surfaces.add(simplified);
      }
      for (const surface of surfaces) {
        const reading = readings.get(surface) ?? previous.get(surface) ?? readName(surface);
        readings.set(surface, reading);
        if (reading.full) pinyinRows.push([reading.full, i, reading.spaced]);
        if (reading.initials) initialRows.push([reading.initials, i, reading.initials]);
        for (const at of reading.inner) {
          innerPinyinRows.push([reading.full.slice(at.full), i, reading.spaced]);
          if (reading.initials.length - at.initials >= 2) innerInitialRows.push([reading.initials.slice(at.initials), i, reading.initials]);
        }
      }
    }
    return new NameIndex(
      entities,
      byId,
      new SortedKeys(nameRows),
      new SortedKeys(pinyinRows),
      new SortedKeys(initialRows),
      new SortedKeys(innerPinyinRows),
      new SortedKeys(innerInitialRows),
      readings,
    );
  }

  get size(): number {
    return this.entities.length;
  }

  byId(id: string): EntityView | undefined {
    const i = this.byIdMap.get(id);
    return i === undefined ? undefined : this.entities[i];
  }

  /**
   * Every entity matching `query` by name (exact or prefix, after traditional → simplified),
   * pinyin or initials (from the start of the name or from any syllable in it), each once by its
   * best match: best kind first, then most connected, then by name.
   */
  match(query: string): NameMatch[] {
    // Within a kind, a whole reading (`lwq` for 龙湾区) comes before a reading it begins, and that
    // before one found from a later syllable (`wenzhou longwan` for 温州龙湾…).
    const best = new Map<number, { rank: number; matchedBy: MatchKind; matched: string }>();
    const offer = (owner: number, matchedBy: MatchKind, matched: string, place: 0 | 1 | 2 = 0) => {
      const rank = MATCH_RANK[matchedBy] * 3 + place;
      const known = best.get(owner);
      if (!known || rank < known.rank) best.set(owner, { rank, matchedBy, matched });
    };
    const text = query.trim().toLowerCase();
    if (text) {
      for (const variant of new Set([text, simplifyName(text)])) {
        for (const { key, owner, shown } of this.names.withPrefix(variant)) offer(owner, key === variant ? 'EXACT' : 'PREFIX', shown);
      }
    }
    const letters = pinyinQuery(query);
    if (letters) {
      for (const { key, owner, shown } of this.pinyin.withPrefix(letters)) offer(owner, 'PINYIN', shown, key === letters ? 0 : 1);
      for (const { key, owner, shown } of this.initials.withPrefix(letters)) offer(owner, 'INITIALS', shown, key === letters ? 0 : 1);
      // One letter from the middle of a name matches too much to be meant.
      if (letters.length >= 2) {
        for (const { owner, shown } of this.innerPinyin.withPrefix(letters)) offer(owner, 'PINYIN', shown, 2);
        for (const { owner, shown } of this.innerInitials.withPrefix(letters)) offer(owner, 'INITIALS', shown, 2);
      }
    }
    const matches = [...best].map(([owner, m]) => ({
      entity: this.entities[owner]!,
      rank: m.rank,
      matchedBy: m.matchedBy,
      matched: m.matched,
    }));
    matches.sort((a, b) => a.rank - b.rank || compareEntities(a.entity, b.entity));
    return matches.map(({ entity, matchedBy, matched }) => ({ entity, matchedBy, matched }));
  }
}

/** Most connected first, then by name, then by id: the order of ties everywhere in search. */
export function compareEntities(a: EntityView, b: EntityView): number {
  return b.degree - a.degree || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
