// “Quoted names”: programs, pilots, organizations and firms set off by quotation marks, typed by
// how they end, with a short tail after the closing mark (“三点半”课堂). A quoted phrase counts as a
// program only when its clause carries something out or it stands in a list.
import type { EntityType } from '../../../model.ts';
import type { Sentence } from '../../normalize/index.ts';
import { CharSet } from '../../text/char-set.ts';
import { DOCUMENT_SUFFIXES, GENERIC_MODIFIERS, LEFT_STOPWORDS, suffixRule, suffixesIn } from '../../lexicon/entity-suffixes.ts';
import { isPolicyWord } from '../../lexicon/domain-words.ts';
import { CARRYING_OUT } from '../../lexicon/verbs.ts';
import type { Candidate } from '../candidate.ts';
import { CLAUSE_OR_SENTENCE_MARKS, clauseStartBefore } from '../clauses.ts';
import { COUNTED_PHRASE, HAN, NAME_VERBS, endsWithOrdinaryWord, isOrdinaryWord, ruleEnding } from '../name-words.ts';
import type { Recognizer } from '../recognizer.ts';
import { beforeFirstStop, cut, tag } from '../segmenter.ts';
import {
  AFTER_PROGRAM,
  BEFORE_PROGRAM,
  CHANGE_FROM,
  CHANGE_TO,
  COUNTED_BUSINESSES,
  COUNTED_PROGRAM,
  DOCUMENT_TAIL,
  NAMED_MODEL_AFTER,
  QUOTE_PAIRS,
  SPEECH,
  TITLE_AFTER_QUOTES,
  FIRST_OR_SECOND_PERSON,
  SLOGAN_LENGTH,
} from './quoted-names.data.ts';

const QUOTE_OPENERS = new CharSet(Object.keys(QUOTE_PAIRS));

export const quotedNames: Recognizer = {
  name: 'quoted-names',
  stage: 'marked',
  needs: [],
  // A quoted phrase the checks below doubt (an everyday word, a short one, one no clause carries
  // out) is still proposed, as a doubtful quote: the entity model weighs it, and it yields to any
  // other reading of its characters.
  sources: { quote: { priority: 90, weight: 3 }, 'doubtful-quote': { priority: 25, weight: 1, fillsGaps: true } },
  inSentence: ({ text }, sentence, _index, out) => findQuotedNames(text, sentence, out),
};

function tailSuffix(text: string, from: number, limit: number): { end: number; type: EntityType } | undefined {
  const document = DOCUMENT_TAIL.exec(text.slice(from, Math.min(limit, from + 12)));
  if (document) return { end: from + document[0].length, type: 'Document' };
  // The tail ends at the first punctuation mark: its words are those of the whole text.
  const tail = text.slice(from, beforeFirstStop(text, from, Math.min(limit, from + 12)));
  // Most quotes have no tail: segment only when a suffix is there to be found.
  if (!HAN.test(tail[0] ?? '') || suffixesIn(tail, 0, tail.length).next().done) return undefined;
  // A short tail ending in a type suffix continues the quoted name: “三点半”课堂.
  // jieba's tag segments as its cut does: one call gives the words and their parts of speech.
  let length = 0;
  let best: { end: number; type: EntityType } | undefined;
  for (const { word, tag: pos } of tag(tail).slice(0, 4)) {
    // “西湖模式”得到省委…: a verb ends the tail; the name does not run on into the clause.
    if (!HAN.test(word) || LEFT_STOPWORDS.has(word) || (pos === 'v' && !NAME_VERBS.has(word) && !suffixRule(word))) break;
    length += word.length;
    if (endsWithOrdinaryWord(word)) continue; // 工作格局 ends with 局 but names no bureau
    const rule = ruleEnding(word);
    if (rule && rule.type !== 'Village') best = { end: from + length, type: rule.type };
  }
  return best;
}

/**
 * The type of a quoted name. Quotation marks a coined name, so one that ends like a village or a
 * place (“未来乡村”, “文化+社区”) is a program; a pilot, organization or company suffix still counts.
 */
function quoteType(name: string): EntityType {
  if (DOCUMENT_SUFFIXES.some((suffix) => name.endsWith(suffix) && name.length > suffix.length + 1)) return 'Document';
  const rule = ruleEnding(name, 1);
  // “共富工坊”, “共富超市”: a firm's suffix after policy vocabulary alone names a campaign's brand, not a firm.
  if (rule?.type === 'Company' && isPolicyWord(name.slice(0, -rule.suffix.length))) return 'Program';
  const type = rule?.type;
  return type === 'Pilot' || type === 'Organization' || type === 'Company' ? type : 'Program';
}

/**
 * Quotation marks set off programs (实施“先投后股”), but also figures of speech (勇闯改革“深水区”,
 * 打好“治理仗”, “脑袋富了”). A quoted phrase names a program when its clause carries something
 * out, or when it stands in a list or before what a program does or is.
 */
function namesSomethingDone(text: string, sentence: Sentence, open: number, close: number): boolean {
  const clauseStart = clauseStartBefore(text, sentence, open, CLAUSE_OR_SENTENCE_MARKS);
  const before = text.slice(clauseStart, open);
  if (CHANGE_FROM.test(before) || CHANGE_TO.test(text.slice(close + 1, close + 4))) return false;
  if (CARRYING_OUT.test(before) || BEFORE_PROGRAM.test(before)) return true;
  return AFTER_PROGRAM.test(text.slice(close + 1, Math.min(sentence.end, close + 4)));
}

/** Splits “一网智配、一网通管、一网通办” into its items when they share a beginning. */
function splitList(inner: string, start: number): Array<{ name: string; start: number }> {
  const parts = inner.split('、');
  // Two items are one slogan (“群众吹哨、党员报到”); three sharing a start are a family of names.
  if (parts.length < 3) return [{ name: inner, start }];
  const sharedStart = parts.every((p) => p[0] === parts[0]![0]);
  if (!sharedStart) return [];
  const out: Array<{ name: string; start: number }> = [];
  let offset = start;
  for (const part of parts) {
    out.push({ name: part, start: offset });
    offset += part.length + 1;
  }
  return out;
}

function findQuotedNames(text: string, sentence: Sentence, out: Candidate[]): void {
  for (let open = sentence.start; open < sentence.end; open++) {
    if (!QUOTE_OPENERS.at(text, open)) continue;
    const closeMark = QUOTE_PAIRS[text[open]!]!;
    const close = text.indexOf(closeMark, open + 1);
    if (close < 0 || close >= sentence.end) continue;
    const start = open + 1;
    const inner = text.slice(start, close);
    // “12619”小河长培育计划: a number in quotation marks is a name only with the words after it.
    const code = /^\d+$/.test(inner) && tailSuffix(text, close + 1, sentence.end);
    if (code && code.type === 'Program') {
      out.push({ start, end: code.end, type: 'Program', name: inner + text.slice(close + 1, code.end), via: 'quote' });
      open = close;
      continue;
    }
    // Speech is not skipped but read on inside: the names it quotes in turn (‘浙里办’) are names.
    if (
      inner.length < 2 ||
      inner.length > 24 ||
      inner.trim() !== inner ||
      SPEECH.test(inner) ||
      (inner.length > SLOGAN_LENGTH && FIRST_OR_SECOND_PERSON.test(inner)) ||
      /^[\d.%]+$/.test(inner)
    )
      continue;
    open = close;
    if (/[,，：:]/.test(inner) && inner.length > 12) continue;
    // A phrase the checks below doubt, with the check that doubts it (a cue of the entity model).
    const doubtful = (doubt: string) => out.push({ start, end: close, type: quoteType(inner), name: inner, via: 'doubtful-quote', doubt });
    if (COUNTED_PHRASE.test(inner) && !COUNTED_PROGRAM.test(inner)) continue;
    if (isPolicyWord(inner)) {
      doubtful('policy-word');
      continue;
    }
    const tail = tailSuffix(text, close + 1, sentence.end);
    if (tail) {
      const name = inner + text.slice(close + 1, tail.end);
      const tailText = text.slice(close + 1, tail.end);
      const tailQualified =
        tailText.length >= 6 ||
        cut(tailText)
          .slice(0, -1)
          .some((w) => !GENERIC_MODIFIERS.has(w));
      if (tail.type === 'Pilot' && tailText.length >= 4 && tailQualified) {
        // “读行乐清”国家级文旅融合试点: a program, then the pilot it was selected for.
        out.push({ start: close + 1, end: tail.end, type: 'Pilot', name: tailText, via: 'quote' });
        out.push({ start, end: close, type: quoteType(inner), name: inner, via: 'quote' });
      } else if (tail.type === 'Document' || tail.type === 'Pilot') {
        // “未来城区”行动方案 names a document and, inside it, a program.
        out.push({ start, end: tail.end, type: tail.type, name, via: 'quote' });
        if (inner.length >= 3) out.push({ start, end: close, type: quoteType(inner), name: inner, via: 'quote' });
      } else {
        out.push({ start, end: tail.end, type: tail.type, name, alias: inner, via: 'quote' });
      }
      continue;
    }
    if (inner.length < 3) {
      doubtful('short');
      continue;
    }
    const title = TITLE_AFTER_QUOTES.test(text.slice(close + 1, sentence.end));
    const business = COUNTED_BUSINESSES.test(text.slice(close + 1, close + 6));
    if (!title && !business && quoteType(inner) === 'Program' && !namesSomethingDone(text, sentence, start - 1, close)) {
      doubtful('nothing-done');
      continue;
    }
    // After the cheap checks, as it segments the phrase. “三位一体”工作格局: an everyday phrase
    // quoted as the name of a model or set-up is a name all the same.
    if (isOrdinaryWord(inner) && !NAMED_MODEL_AFTER.test(text.slice(close + 1, close + 5))) {
      doubtful('ordinary-word');
      continue;
    }
    for (const item of splitList(inner, start)) {
      if (item.name.length < 2) continue;
      const type = title ? 'Pilot' : business ? 'Company' : quoteType(item.name);
      out.push({ start: item.start, end: item.start + item.name.length, type, name: item.name, via: 'quote' });
    }
  }
}
