// The issuers that head a document's title: 《中共中央国务院关于…的意见》, 《某省人民政府办公厅
// 关于…的通知》. An official title is issuer + 关于 + subject + 的 + kind of document; the issuers
// are central bodies (a list) or names ending like an organization, written one after another.
import { typeBySuffix } from '../../lexicon/entity-suffixes.ts';
import type { Recognizer } from '../recognizer.ts';
import { BOOK_TITLE } from './book-titles.data.ts';
import { CENTRAL_BODIES, ISSUERS_END } from './document-issuers.data.ts';

const BODIES = [...CENTRAL_BODIES].sort((a, b) => b.length - a.length);

export const documentIssuers: Recognizer = {
  name: 'document-issuers',
  stage: 'marked',
  needs: [],
  sources: { issuer: { priority: 95, weight: 4 } },
  inSentence: ({ text }, sentence, _index, out) => {
    const body = text.slice(sentence.start, sentence.end);
    if (!body.includes(ISSUERS_END)) return;
    for (const m of body.matchAll(BOOK_TITLE)) {
      const title = m[1]!;
      const end = title.indexOf(ISSUERS_END);
      if (end < 2) continue;
      let at = sentence.start + m.index + 1; // after 《
      for (const issuer of issuersOf(title.slice(0, end)) ?? []) {
        const start = text.indexOf(issuer, at);
        out.push({ start, end: start + issuer.length, type: 'Organization', name: issuer, via: 'issuer' });
        at = start + issuer.length;
      }
    }
  },
};

/**
 * The issuers a title's head is made of, in order, or undefined when it is not made of them alone
 * (《乡村振兴关于…》 names no issuer). Spaces and 、 may separate them.
 */
export function issuersOf(head: string): string[] | undefined {
  const parts = head.split(/[\s、，,]+/).filter(Boolean);
  const issuers: string[] = [];
  for (const part of parts) {
    const names = split(part);
    if (!names) return undefined;
    issuers.push(...names);
  }
  return issuers.length > 0 ? issuers : undefined;
}

/** `part` as names written one after another, each a central body or ending like an organization. */
function split(part: string): string[] | undefined {
  if (part === '') return [];
  for (const body of BODIES) {
    if (!part.startsWith(body)) continue;
    const rest = split(part.slice(body.length));
    if (rest) return [body, ...rest];
  }
  // The longest name first: 某省人民政府办公厅 is one issuer, not 某省人民政府 and 办公厅.
  for (let end = part.length; end >= 3; end--) {
    const name = part.slice(0, end);
    if (typeBySuffix(name)?.type !== 'Organization') continue;
    const rest = split(part.slice(end));
    if (rest) return [name, ...rest];
  }
  return undefined;
}
