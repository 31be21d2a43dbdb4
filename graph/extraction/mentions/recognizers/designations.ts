// Designations read from a verb of selection to the clause's end (获评全国文明村, 列入…名单), and
// documents issued without title marks (编制…行动方案): spans whose edges the verb makes certain.
import type { Sentence } from '../../normalize/index.ts';
import { DESIGNATION_HEADS, DOCUMENT_SUFFIXES } from '../../lexicon/entity-suffixes.ts';
import type { Candidate } from '../candidate.ts';
import type { Recognizer } from '../recognizer.ts';
import { BARE_AWARD_HEADS, COUNTED_SELECTION, DESIGNATION, DESIGNATION_LEVEL, ISSUED_OBJECTS } from './designations.data.ts';

const DOCUMENT_AT_END = new RegExp(`(?:${DOCUMENT_SUFFIXES.join('|')})$`);

export const designations: Recognizer = {
  name: 'designations',
  stage: 'marked',
  needs: [],
  sources: { designation: { priority: 95, weight: 4 } },
  inSentence: ({ text }, sentence, _index, out) => findDesignations(text, sentence, out),
};

export const issuedDocuments: Recognizer = {
  name: 'issued-documents',
  stage: 'marked',
  needs: [],
  sources: { designation: { priority: 95, weight: 4 } },
  inSentence: ({ text }, sentence, _index, out) => findIssuedDocuments(text, sentence, out),
};

/**
 * What follows a verb of selection up to the clause's end, when it ends like a designation:
 * 获评全国文明村, 入选“万企兴万村”省级实验项目, 列入浙江省第八批小微企业园认定名单.
 */
function findDesignations(text: string, sentence: Sentence, out: Candidate[]): void {
  for (const m of text.slice(sentence.start, sentence.end).matchAll(DESIGNATION)) {
    let start = sentence.start + m.index + m[0].length - m[2]!.length;
    let span = m[2]!;
    const counted = COUNTED_SELECTION.exec(span);
    if (counted) {
      start += counted.index + counted[0].length;
      span = span.slice(counted.index + counted[0].length);
    }
    // 成为远近闻名的“茶旅融合”样板: a description ending in 的 is no part of the designation's name.
    const described = span.lastIndexOf('的');
    if (described >= 0 && span.length - described - 1 >= 4) {
      start += described + 1;
      span = span.slice(described + 1);
    }
    const name = span.replace(/[“”"‘’「」]/g, '');
    // 等13个省级试点: a count of pilots at some level is a category, not a designation of its own.
    if (counted && DESIGNATION_HEADS.includes(name.replace(DESIGNATION_LEVEL, ''))) continue;
    const heads = m[1] === '获' ? BARE_AWARD_HEADS : DESIGNATION_HEADS;
    const isDesignation = (phrase: string) =>
      phrase.length >= 4 && phrase.length <= 30 && heads.some((head) => phrase.endsWith(head) && phrase.length > head.length + 1);
    if (isDesignation(name)) out.push({ start, end: start + span.length, type: 'Pilot', name, via: 'designation' });
    // 获评浙江省3A级景区村庄、全国乡村旅游重点村: the designations of a list, each up to the next mark.
    for (let at = start + span.length; text[at] === '、';) {
      const item = /^[\p{Script=Han}A-Za-z0-9·]+/u.exec(text.slice(at + 1, sentence.end))?.[0] ?? '';
      if (!isDesignation(item)) break;
      out.push({ start: at + 1, end: at + 1 + item.length, type: 'Pilot', name: item, via: 'designation' });
      at += 1 + item.length;
    }
  }
}

/** 编制…碳达峰方案、城乡风貌整治提升行动方案: what is issued, up to the clause's end, item by item. */
function findIssuedDocuments(text: string, sentence: Sentence, out: Candidate[]): void {
  for (const m of text.slice(sentence.start, sentence.end).matchAll(ISSUED_OBJECTS)) {
    let start = sentence.start + m.index + m[0].length - m[1]!.length;
    for (const item of m[1]!.split('、')) {
      const name = item.replace(/[“”"‘’「」]/g, '');
      if (name.length >= 5 && name.length <= 30 && !name.includes('等') && DOCUMENT_AT_END.test(name) && !/^[“"‘]/.test(item)) {
        out.push({ start, end: start + item.length, type: 'Document', name, via: 'designation' });
      }
      start += item.length + 1;
    }
  }
}
