// Where a personal name starting at a given offset ends: a surname and one or two more characters,
// followed by something a name can be followed by.
import { surnameLength } from './surnames.ts';

// What may directly follow a name in a report: punctuation, a speech verb, a particle.
const FOLLOWERS =
  /^(?:[\s\p{P}\p{S}\d]|$|说|表示|介绍|认为|指出|告诉|坦言|笑着|高兴|感慨|回忆|提到|谈到|强调|批示|调研|考察|视察|启动|提出|作出|部署|亲自|主持|出席|带队|率队|一行|等人|这样|等|的|在|也|是|和|与|及|向|对|到|一直|正在|已经|今年|去年|摄|同志|总书记|书记|主任|主席|总理|带领|看到|拿着|来到|就|又|便|都|还|则|正|将|曾|刚|每|把|被|会|开办|创办|领办|经营|返乡|回乡|带头|牵头|发起|从事|负责|宣布|致辞|讲话|参加|带着|接受|走访|看望|慰问|听取|多了|迎了|手拿|笑着|告诉|边|诉说|摄)/u;
// Characters that are almost never the last character of a given name.
const NOT_IN_NAME = new Set([
  ...'说的在等和与是也这那个了着过就都还又把被对向从为以及让给我你他她们上下中里外前后来去有无不没很更最百千万亿年月日时分摄',
  // Suffixes that make nouns and adjectives of what stands before them (普惠性, 普惠型).
  ...'性型化式率度类级制',
]);
const HAN = /\p{Script=Han}/u;

/** The length of the personal name at `start` (2 to 4), or 0 when there is none. */
export function personNameLength(text: string, start: number): number {
  const surname = surnameLength(text, start);
  if (surname === 0) return 0;
  for (const given of [2, 1]) {
    const end = start + surname + given;
    if (end > text.length) continue;
    const name = text.slice(start + surname, end);
    if (![...name].every((ch) => HAN.test(ch) && !NOT_IN_NAME.has(ch))) continue;
    if (FOLLOWERS.test(text.slice(end, end + 3))) return surname + given;
  }
  return 0;
}

/** True when `given` (a name without its surname) holds only characters a given name may hold. */
export function isGivenName(given: string): boolean {
  return [...given].every((ch) => HAN.test(ch) && !NOT_IN_NAME.has(ch));
}

/** True when the whole string looks like a personal name. */
export function isPersonName(text: string): boolean {
  return text.length >= 2 && text.length <= 4 && personNameLength(text, 0) === text.length;
}
