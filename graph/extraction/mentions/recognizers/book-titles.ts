// 《book titles》: documents, or newspapers when the title ends like one.
import type { Sentence } from '../../normalize/index.ts';
import type { Candidate } from '../candidate.ts';
import type { Recognizer } from '../recognizer.ts';
import { BOOK_TITLE, NEWSPAPER_TITLE, PERIODICAL_AFTER } from './book-titles.data.ts';

export const bookTitles: Recognizer = {
  name: 'book-titles',
  stage: 'marked',
  needs: [],
  sources: { book: { priority: 100, weight: 5 } },
  inSentence: ({ text }, sentence, _index, out) => findBookTitles(text, sentence, out),
};

function findBookTitles(text: string, sentence: Sentence, out: Candidate[]): void {
  const body = text.slice(sentence.start, sentence.end);
  for (const m of body.matchAll(BOOK_TITLE)) {
    const start = sentence.start + m.index;
    const name = m[1]!.replace(/[“”"‘’「」]/g, '').trim();
    const type = NEWSPAPER_TITLE.test(name) ? 'Organization' : 'Document';
    const end = start + m[0].length;
    const periodical = PERIODICAL_AFTER.exec(text.slice(end, Math.min(sentence.end, end + 4)))?.[0];
    if (periodical && name.length >= 2)
      out.push({ start, end: end + periodical.length, type: 'Organization', name: name + periodical, via: 'book' });
    else if (name.length >= 2) out.push({ start, end, type, name, via: 'book' });
  }
}
