// People: a name after a post or role (区委书记周一富), before a post (袁家军书记), after an age,
// before a speech verb (庄财康说), or a surname with a term of address (干大爷).
import type { Sentence } from '../../normalize/index.ts';
import { WordTable } from '../../text/word-table.ts';
import { GROUP_TITLES, PERSON_TITLES, suffixRule, typeBySuffix } from '../../lexicon/entity-suffixes.ts';
import { personNameLength } from '../../lexicon/person-names.ts';
import { surnameLength } from '../../lexicon/surnames.ts';
import type { Candidate } from '../candidate.ts';
import { matchesNear } from '../name-words.ts';
import type { Recognizer } from '../recognizer.ts';
import {
  AGE_BEFORE_NAME,
  NAME_BEFORE_POST,
  NAME_BEFORE_SPEECH,
  POSTS_AFTER_NAME,
  SPEECH_VERBS,
  SURNAME_AND_TERM_OF_ADDRESS,
  TERMS_OF_ADDRESS,
} from './persons.data.ts';

// Titles looked up by their first character: one alternation of them all is slow to fail at every position.
const PERSON_TITLE_WORDS = new WordTable(PERSON_TITLES);

export const persons: Recognizer = {
  name: 'persons',
  stage: 'marked',
  needs: [],
  sources: { person: { priority: 80, weight: 3 } },
  inSentence: ({ text }, sentence, _index, out) => findPersons(text, sentence, out),
};

function findPersons(text: string, sentence: Sentence, out: Candidate[]): void {
  const body = text.slice(sentence.start, sentence.end);
  for (let at = sentence.start; at < sentence.end; at++) {
    const title = PERSON_TITLE_WORDS.longestAt(text, at, sentence.end);
    if (!title) continue;
    let start = at + title.length;
    while (start < sentence.end && /\s/.test(text[start]!)) start++;
    // 曾任某社区书记的张三回忆: a post and 的 before the name.
    if (text[start] === '的' && personNameLength(text, start + 1) > 0) start++;
    at = start - 1;
    const length = personNameLength(text, start);
    if (length === 0 || start + length > sentence.end) continue;
    out.push({ start, end: start + length, type: 'Person', name: text.slice(start, start + length), via: 'person', title });
    at = followList(text, sentence, start + length, GROUP_TITLES.has(title) ? title : undefined, out) - 1;
  }
  // 袁家军书记肯定: a name right before a post; 80岁老人杨兰香: a name after an age.
  for (const m of matchesNear(body, POSTS_AFTER_NAME, NAME_BEFORE_POST)) {
    const start = sentence.start + m.index;
    const length = personNameLength(text, start);
    // 管委会主任 is a post in an organization, not a person surnamed 管.
    const organization = [typeBySuffix(m[1]!), suffixRule(m[1]!)].some((rule) => rule?.type === 'Organization');
    if (length > 0 && length === m[1]!.length && !organization)
      out.push({ start, end: start + length, type: 'Person', name: m[1]!, via: 'person' });
  }
  for (const m of matchesNear(body, ['岁'], AGE_BEFORE_NAME)) {
    const start = sentence.start + m.index + m[0].length;
    const length = personNameLength(text, start);
    if (length > 0) out.push({ start, end: start + length, type: 'Person', name: text.slice(start, start + length), via: 'person' });
  }
  // 留守老人干大爷: a surname and a term of address is how reports name ordinary people.
  for (const m of matchesNear(body, TERMS_OF_ADDRESS, SURNAME_AND_TERM_OF_ADDRESS)) {
    const start = sentence.start + m.index;
    if (surnameLength(text, start) === 1) out.push({ start, end: start + m[0].length, type: 'Person', name: m[0], via: 'person' });
  }
  // 项明亮介绍, 庄财康说: a name right before a speech verb, after punctuation.
  for (const m of matchesNear(body, SPEECH_VERBS, NAME_BEFORE_SPEECH)) {
    const start = sentence.start + m.index;
    const length = personNameLength(text, start);
    if (length > 0 && length === m[1]!.length) out.push({ start, end: start + length, type: 'Person', name: m[1]!, via: 'person' });
  }
}

/**
 * 张三、李四、王五等: the names listed after a person, each a whole name (a surname and one
 * or two characters before a mark or a particle); they share a title that names a group (市领导).
 * Returns where the list ends.
 */
function followList(text: string, sentence: Sentence, end: number, title: string | undefined, out: Candidate[]): number {
  while (text[end] === '、' && end + 1 < sentence.end) {
    const start = end + 1;
    const length = personNameLength(text, start);
    if (
      length === 0 ||
      start + length > sentence.end ||
      !/^(?:[、，,。；;：:\s）)]|等|$)/.test(text.slice(start + length, start + length + 1))
    )
      break;
    out.push({
      start,
      end: start + length,
      type: 'Person',
      name: text.slice(start, start + length),
      via: 'person',
      ...(title ? { title } : {}),
    });
    end = start + length;
  }
  return end;
}
