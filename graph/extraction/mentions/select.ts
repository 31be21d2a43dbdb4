// Chooses among overlapping candidates: marked spans first, then by length and by the priority
// each recognizer declared for its source (registry.ts).
import type { Span } from '../normalize/index.ts';
import { anyMarked } from '../text/char-set.ts';
import { SUFFIX_RULES } from '../lexicon/entity-suffixes.ts';
import type { Candidate } from './candidate.ts';
import { SOURCE_RANKS } from './registry.ts';

const priority = (c: Candidate) => SOURCE_RANKS[c.via].priority;

// The suffixes a name may hold another name up to (an organization's of three characters or more,
// and 社区), in the list's order: picked once rather than for every host.
const NESTABLE_RULES = SUFFIX_RULES.filter(
  (rule) => (rule.type === 'Organization' && rule.suffix.length >= 3) || (rule.type === 'Village' && rule.suffix === '社区'),
);

/**
 * Chooses non-overlapping mentions: quoted and titled spans first (their boundaries are certain),
 * then the longest. A district at the very start of a longer name (龙湾区 in 龙湾区委) is kept
 * as a mention of its own as well.
 */
export function selectMentions(candidates: Candidate[]): Candidate[] {
  const books = candidates.filter((c) => c.via === 'book');
  const inBook = (c: Span) => books.some((b) => b !== c && c.start >= b.start && c.end <= b.end);
  // Quoted names are kept even when they nest (“未来城区”行动方案 and 未来城区): their marks are certain.
  // A designation's span is certain too (it runs from the verb to the clause's end); a quote that
  // ends where it does is its head (获评“省级巾帼共富工坊”), not a name of its own.
  const designations = candidates.filter((c) => c.via === 'designation' && !inBook(c));
  const isHead = (c: Span) => designations.some((d) => c.end === d.end || c.end + 1 === d.end);
  // A program or pilot quoted inside a title (《关于开展“浙江有礼”…行动的实施方案》) is named there too.
  // The issuers heading a title (《中共中央国务院关于…》) are named there too.
  const chosen: Candidate[] = candidates
    .filter(
      (c) =>
        c.via === 'book' ||
        c.via === 'issuer' ||
        (c.via === 'quote' && !isHead(c) && (!inBook(c) || c.type === 'Program' || c.type === 'Pilot')),
    )
    .concat(designations);
  // People and credited names first (their boundaries come from a title), then the longest.
  const ordered = candidates
    .filter((c) => c.via !== 'book' && c.via !== 'issuer' && c.via !== 'quote' && c.via !== 'designation')
    .sort((a, b) => {
      const pa = priority(a),
        pb = priority(b);
      return (pb >= 80 ? 1 : 0) - (pa >= 80 ? 1 : 0) || b.end - b.start - (a.end - a.start) || pb - pa || a.start - b.start;
    });
  // The characters taken so far, so that an overlap is found without comparing every pair.
  const covered = new Uint8Array(candidates.reduce((end, c) => Math.max(end, c.end), 0));
  for (const c of chosen) covered.fill(1, c.start, c.end);
  // Sources that fill gaps last, whatever their length: they take only characters nothing else reads.
  const fillsGaps = (c: Candidate) => SOURCE_RANKS[c.via].fillsGaps === true;
  for (const candidate of [...ordered.filter((c) => !fillsGaps(c)), ...ordered.filter(fillsGaps)]) {
    if (!anyMarked(covered, candidate.start, candidate.end)) {
      chosen.push(candidate);
      covered.fill(1, candidate.start, candidate.end);
    }
  }
  // 龙港市公安局 at the start of 龙港市公安局情报指挥中心 is a mention of that organization too,
  // and 沿江第一社区 at the start of 沿江第一社区联合党委 one of the community.
  for (const host of [...chosen]) {
    if (host.type !== 'Organization' || host.via !== 'suffix') continue;
    for (const rule of NESTABLE_RULES) {
      const at = host.name.indexOf(rule.suffix);
      const length = at + rule.suffix.length;
      if (at < 0 || length >= host.name.length || length < rule.suffix.length + 2) continue;
      if (chosen.some((c) => c.start === host.start && c.end === host.start + length)) continue;
      chosen.push({ start: host.start, end: host.start + length, type: rule.type, name: host.name.slice(0, length), via: 'suffix' });
      break;
    }
  }
  // 龙湾区 at the start of 龙湾区委 is a mention of the district too, and 某镇 (or 某市's short
  // form) at the start of a zone named after it (某镇生态度假区, 某市绿色产业集聚区).
  const zone = (c: Candidate) => c.type === 'District' && c.level === 'zone';
  for (const candidate of candidates) {
    if (
      candidate.type !== 'District' ||
      (candidate.via !== 'division' && candidate.via !== 'zone' && candidate.via !== 'suffix' && candidate.via !== 'short-division') ||
      chosen.includes(candidate)
    )
      continue;
    const host = chosen.find(
      (c) =>
        c.start === candidate.start &&
        c.end > candidate.end &&
        c.via === 'suffix' &&
        (zone(c) || (c.type !== 'District' && candidate.via !== 'short-division')),
    );
    if (host && !chosen.some((c) => c !== host && c.type === 'District' && c.start === candidate.start)) chosen.push(candidate);
  }
  // 柯桥区齐贤街道羊山村党委, 某区某镇强村公司: the official places an organization's or a
  // firm's name is built on are mentioned too.
  for (const candidate of candidates) {
    if ((candidate.via !== 'division' && candidate.via !== 'village') || chosen.includes(candidate)) continue;
    const host = chosen.find(
      (c) =>
        (c.type === 'Organization' || c.type === 'Company') && c.via === 'suffix' && c.start <= candidate.start && candidate.end < c.end,
    );
    const placed = chosen.some(
      (c) => (c.type === 'District' || c.type === 'Village') && c.start < candidate.end && candidate.start < c.end,
    );
    if (host && !placed) chosen.push(candidate);
  }
  // 云尖信息 at the start of 云尖信息总部暨…智造基地 is the company that owns it.
  for (const candidate of candidates) {
    if (candidate.type !== 'Company' || chosen.includes(candidate)) continue;
    if (chosen.some((c) => c.start === candidate.start && c.end > candidate.end && c.type === 'Place')) chosen.push(candidate);
  }
  return chosen.sort((a, b) => a.start - b.start || b.end - a.end);
}
