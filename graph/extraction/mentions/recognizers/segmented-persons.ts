// People jieba's segmentation finds: a word it reads as one (a name it did not know, or a name in
// its dictionary) that starts with a surname and has one or two characters after it. Many such
// words are not names; what weighs them is the entity model (which recognizer found a name, what
// stands before and after it), not a list here.
import type { Sentence } from '../../normalize/index.ts';
import { isGivenName } from '../../lexicon/person-names.ts';
import { surnameLength } from '../../lexicon/surnames.ts';
import type { Candidate } from '../candidate.ts';
import type { Recognizer } from '../recognizer.ts';
import { tag } from '../segmenter.ts';
import { NAME_TAGS } from './segmented-persons.data.ts';

const HAN_ONLY = /^\p{Script=Han}+$/u;

export const segmentedPersons: Recognizer = {
  name: 'segmented-persons',
  stage: 'names',
  needs: [],
  sources: { segment: { priority: 30, weight: 1 } },
  inSentence: ({ text }, sentence, _index, out) => findSegmentedPersons(text, sentence, out),
};

function findSegmentedPersons(text: string, sentence: Sentence, out: Candidate[]): void {
  let at = sentence.start;
  for (const tagged of tag(text.slice(sentence.start, sentence.end))) {
    const { word } = tagged;
    const start = at;
    at += word.length;
    if (word.length < 2 || word.length > 4 || !HAN_ONLY.test(word)) continue;
    const surname = surnameLength(word, 0);
    const given = word.length - surname;
    if (surname === 0 || given < 1 || given > 2 || !isGivenName(word.slice(surname))) continue;
    // The tag last: a look-up, needed only for the few words that could be names.
    if (!NAME_TAGS.has(tagged.tag)) continue;
    out.push({ start, end: at, type: 'Person', name: word, via: 'segment' });
  }
}
