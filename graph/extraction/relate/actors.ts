// Who the parties of a relation are: the innermost of places written one inside the next, the
// actors joined by 、/和/与, the items of a list, and the place an anaphor (该县) stands for.
import type { EntityType } from '../../model.ts';
import type { Sentence } from '../normalize/index.ts';
import { clauseStartBefore } from '../mentions/index.ts';
import type { ResolvedEntity, ResolvedMention } from '../resolve/resolve.ts';
import { ACTOR_TYPES, ANAPHOR, SUBJECT_OPENING } from './cues.ts';

/** The places (and other names) named so far in a document, latest last: what an anaphor (该县, 该中心) stands for. */
export class PlacesNamed {
  private readonly places: ResolvedMention[] = [];
  private readonly others: ResolvedMention[] = [];

  constructor(
    private readonly text: string,
    private readonly entities: Map<string, ResolvedEntity>,
  ) {}

  /** Notes the names of a sentence, before its relations are read. */
  see(mentions: ResolvedMention[]): void {
    for (const m of mentions) {
      if (m.type === 'District' || m.type === 'Village') this.places.push(m);
      else if (m.type !== 'Person') this.others.push(m);
    }
  }

  /** What 该中心, 该平台 stand for: the last organization, program or firm named before `before` whose name ends with `word`. */
  lastNamedEnding(word: string, before: number): ResolvedMention | undefined {
    return this.others.findLast((m) => m.end <= before && this.entities.get(m.entity)!.name.endsWith(word));
  }

  /** The last place named before `before` whose name ends with `unit`. */
  lastNamed(unit: string, before: number): string | undefined {
    return this.lastPlaceNamed(unit, before)?.entity;
  }

  /** The mention of the last place named before `before` whose name ends with `unit`. */
  lastPlaceNamed(unit: string, before: number): ResolvedMention | undefined {
    for (let i = this.places.length - 1; i >= 0; i--) {
      const place = this.places[i]!;
      if (place.end <= before && this.entities.get(place.entity)!.name.endsWith(unit)) return place;
    }
    return undefined;
  }

  /** The place an anaphor in text[from, to) stands for: the last one named before it whose name ends as the anaphor says. */
  referent(from: number, to: number): string | undefined {
    const text = this.text;
    const anaphor = ANAPHOR.exec(text.slice(from, to));
    if (!anaphor || !SUBJECT_OPENING.test(text.slice(from, from + anaphor.index))) return undefined;
    return this.lastNamed(anaphor[1] ?? anaphor[2] ?? anaphor[3]!, from + anaphor.index);
  }
}

/**
 * The actor nearest before `position` together with those joined to it by 、, 和 or 与
 * (省财政厅、省发改委下发…: both issue).
 */
export function coordinatedBefore(text: string, mentions: ResolvedMention[], position: number, types: Set<EntityType>): string[] {
  // A place inside an organization's name (金义片区 of …金义片区管委会) is not a party of its own.
  const whole = (m: ResolvedMention) =>
    !mentions.some((o) => o !== m && o.end <= position && o.start <= m.start && m.end <= o.end && o.end - o.start > m.end - m.start);
  const before = mentions.filter((m) => m.end <= position && whole(m));
  let k = before.length - 1;
  while (k >= 0 && !types.has(before[k]!.type)) k--;
  if (k < 0) return [];
  const chain = [before[k]!];
  for (let j = k - 1; j >= 0; j--) {
    const gap = text.slice(before[j]!.end, chain[0]!.start);
    // 中共某市委 某市人民政府关于印发…: a document's header separates its issuers with a space.
    if (!types.has(before[j]!.type) || !['、', '和', '与', '及', ' ', '\u3000'].includes(gap)) break;
    chain.unshift(before[j]!);
  }
  return chain.map((m) => m.entity);
}

/** Of mentions of one type written one right after the next from `index` on (台州市黄岩区), the index of the last: the innermost place. */
export function innermost(mentions: ResolvedMention[], index: number): number {
  let i = index;
  while (mentions[i + 1]?.start === mentions[i]!.end && mentions[i + 1]!.type === mentions[i]!.type) i++;
  return i;
}

/**
 * The items of a list that ends with `last`, before it: 长乐社区、米市巷街道左家新村社区 lists two
 * communities, the second after the district it is in.
 */
export function listedBefore(text: string, mentions: ResolvedMention[], last: ResolvedMention): ResolvedMention[] {
  const listed: ResolvedMention[] = [];
  let next = last;
  for (let i = mentions.indexOf(last) - 1; i >= 0; i--) {
    // The districts written right before an item are where it lies: step over them.
    let itemStart = next.start;
    for (; i >= 0 && mentions[i]!.type === 'District' && mentions[i]!.end === itemStart; i--) itemStart = mentions[i]!.start;
    const item = mentions[i];
    if (!item || item.type !== last.type || text.slice(item.end, itemStart) !== '、') break;
    listed.push(item);
    next = item;
  }
  return listed;
}

/**
 * The subject of the nearest clause before `position` in the sentence that opens with an actor
 * (某村依托…，成为…: 某村): the innermost of places written one inside the next.
 */
export function clauseSubjectBefore(
  text: string,
  sentence: Sentence,
  mentions: ResolvedMention[],
  position: number,
): ResolvedMention | undefined {
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i]!;
    if (m.end > position || !ACTOR_TYPES.has(m.type) || m.via === 'credit' || m.via === 'outlet') continue;
    if (!SUBJECT_OPENING.test(text.slice(clauseStartBefore(text, sentence, m.start), m.start))) continue;
    // A place at the start of an organization's name (龙湾区 of 龙湾区委) is not the subject.
    if (mentions.some((o) => o !== m && o.start === m.start && o.end > m.end)) continue;
    // 井冈山市神山村依托…: of places written one inside the next, the innermost, a village too.
    let at = i;
    while (
      mentions[at + 1]?.start === mentions[at]!.end &&
      (mentions[at + 1]!.type === 'District' || mentions[at + 1]!.type === 'Village') &&
      mentions[at + 1]!.end <= position
    )
      at++;
    return mentions[at];
  }
  return undefined;
}
