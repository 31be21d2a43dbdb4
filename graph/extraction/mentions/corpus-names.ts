// Corpus-wide passes over the mentions every document yielded: names found in one place looked
// for everywhere, programs other names are built on, companies listed beside a company.
import type { EntityType } from '../../model.ts';
import type { NormalizedText } from '../normalize/index.ts';
import { anyMarked } from '../text/char-set.ts';
import { WordTable } from '../text/word-table.ts';
import { suffixRule, typeBySuffix } from '../lexicon/entity-suffixes.ts';
import type { Candidate, MentionSource, SourceRank } from './candidate.ts';
import { isOrdinaryWord } from './name-words.ts';
import { cut, tag } from './segmenter.ts';

/** Names found again where another sentence or report writes them: the weakest evidence of a type. */
export const CORPUS_SOURCES: Partial<Record<MentionSource, SourceRank>> = { known: { priority: 45, weight: 0 } };

export interface PropagatedNames {
  types: Map<string, EntityType>;
  /** The names, to find where one is written (built once per corpus). */
  table: WordTable;
}

/**
 * The names worth looking for again everywhere: coined names found quoted, titled or by suffix,
 * and the programs other names are built on ({@link sharedCores}).
 */
export function namesToPropagate(documents: Array<{ doc: NormalizedText; mentions: Candidate[] }>): PropagatedNames {
  const names = new Map<string, EntityType>();
  for (const { mentions } of documents) {
    for (const m of mentions) {
      if (
        (m.via === 'quote' || m.via === 'book' || m.via === 'suffix') &&
        m.name.length >= 3 &&
        m.type !== 'Person' &&
        m.type !== 'District' &&
        m.type !== 'Village'
      )
        names.set(m.name, m.type);
    }
  }
  for (const core of sharedCores(documents)) if (!names.has(core)) names.set(core, 'Program');
  // A look-up by first character, not one regular expression of every name: the expression
  // would try each of hundreds of names at every position of every report.
  return { types: names, table: new WordTable(names.keys()) };
}

/**
 * A name found quoted in one place (“未来社区”) is the same name where another sentence, or
 * another report, writes it without marks: those occurrences become mentions too.
 */
export function propagateNames(doc: NormalizedText, mentions: Candidate[], { types, table }: PropagatedNames): Candidate[] {
  if (table.size === 0) return mentions;
  const text = doc.analysis.text;
  const covered = new Uint8Array(text.length);
  for (const c of mentions) covered.fill(1, c.start, c.end);
  const added: Candidate[] = [];
  for (const sentence of doc.sentences) {
    for (let at = sentence.start; at < sentence.end; at++) {
      const name = table.longestAt(text, at, sentence.end);
      if (!name) continue;
      const end = at + name.length;
      if (!anyMarked(covered, at, end)) added.push({ start: at, end, type: types.get(name)!, name, via: 'known' });
      at = end - 1;
    }
  }
  return added.length === 0 ? mentions : [...mentions, ...added].sort((a, b) => a.start - b.start || b.end - a.end);
}

const MIN_NAMES_SHARING = 2;
const MIN_STANDALONE = 2;

/**
 * 未来社区 inside 全省首批未来社区, 河底高未来社区 and 片区未来社区联创, and written on its own
 * elsewhere: a compound that several names are built on and the reports also use alone is a
 * program of its own. Only compounds jieba does not know as one word (未来+社区, 山海+协作):
 * its dictionary holds the general vocabulary (共同富裕, 公共服务), and names end in a type suffix
 * only when that suffix is the name's head, not a shared generic head (改革+试点).
 */
function sharedCores(documents: Array<{ doc: NormalizedText; mentions: Candidate[] }>): string[] {
  // Each distinct name once: reports name the same programs over and over.
  const names = new Set<string>();
  for (const { mentions } of documents) for (const m of mentions) if (m.type !== 'Person' && m.name.length >= 6) names.add(m.name);
  const namesWith = new Map<string, Set<string>>();
  for (const name of names) {
    const words = cut(name);
    for (let i = 0; i < words.length; i++) {
      for (let n = 2; n <= 3 && i + n <= words.length; n++) {
        const core = words.slice(i, i + n).join('');
        if (core.length < 4 || core.length > 6 || core === name || !/^\p{Script=Han}+$/u.test(core)) continue;
        const last = words[i + n - 1]!;
        // X建设 in 甲X建设 and 乙X建设: building something is an activity, not a program.
        if (last === '建设') continue;
        const head = suffixRule(last)?.type;
        if (head && head !== 'Program' && head !== 'Village') continue;
        (namesWith.get(core) ?? namesWith.set(core, new Set()).get(core)!).add(name);
      }
    }
  }
  // The dictionary look-up last: few compounds are shared.
  const shared = [...namesWith]
    .filter(([core, holders]) => holders.size >= MIN_NAMES_SHARING && !isOrdinaryWord(core))
    .map(([core]) => core);
  return shared.filter((core) => {
    let standalone = 0;
    for (const { doc, mentions } of documents) {
      if (standalone >= MIN_STANDALONE) break;
      const text = doc.analysis.text;
      for (let at = text.indexOf(core); at >= 0 && standalone < MIN_STANDALONE; at = text.indexOf(core, at + 1)) {
        if (!mentions.some((m) => m.start < at + core.length && at < m.end)) standalone++;
      }
    }
    return standalone >= MIN_STANDALONE;
  });
}

/**
 * 先临三维、紫光恒越、云尖信息: names listed beside a company, bare like it, are companies too.
 * Run after propagation, when a company named elsewhere in the report is known here as well.
 */
export function listedCompanies(doc: NormalizedText, mentions: Candidate[]): Candidate[] {
  const text = doc.analysis.text;
  const added: Candidate[] = [];
  const free = (start: number, end: number) =>
    !mentions.some((c) => c.start < end && start < c.end) && !added.some((c) => c.start < end && start < c.end);
  for (const company of mentions) {
    if (company.type !== 'Company') continue;
    for (const direction of [-1, 1] as const) {
      let edge = direction < 0 ? company.start : company.end;
      for (;;) {
        const item =
          direction < 0
            ? /(?<=^|[，,：:、。；;！？\s“”])(\p{Script=Han}{2,6})、$/u.exec(text.slice(Math.max(0, edge - 8), edge))
            : /^、(\p{Script=Han}{2,6})(?=[、“”，,。；;\s]|$)/u.exec(text.slice(edge, edge + 8));
        // The list's last item may run straight into the verb: 、云栖数科持续发力.
        const name = item?.[1] ?? (direction > 0 && text[edge] === '、' ? nounsAt(text, edge + 1, 6) : '');
        if (name.length < 2) break;
        const start = direction < 0 ? edge - name.length - 1 : edge + 1;
        const end = start + name.length;
        if (!free(start, end) || typeBySuffix(name)) break;
        added.push({ start, end, type: 'Company', name, via: 'known' });
        edge = direction < 0 ? start : end;
      }
    }
  }
  return added.length === 0 ? mentions : [...mentions, ...added].sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The nouns (and words jieba does not know) that start at `from`, up to `max` characters. */
function nounsAt(text: string, from: number, max: number): string {
  let name = '';
  for (const { word, tag: pos } of tag(text.slice(from, from + max + 4))) {
    if (!/^\p{Script=Han}+$/u.test(word) || !/^(?:x|n|nr|ns|nz|j|)$/.test(pos) || name.length + word.length > max) break;
    name += word;
  }
  return name;
}
