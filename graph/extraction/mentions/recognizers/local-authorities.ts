// 区委, 区政府, 区共富领导小组: a bare party committee, government or office is that of the report's
// own district (西湖区委 in a report about 西湖区), named in full with the written form as alias.
import type { Sentence } from '../../normalize/index.ts';
import type { Candidate } from '../candidate.ts';
import { matchesNear } from '../name-words.ts';
import type { Recognizer } from '../recognizer.ts';
import { cutExact } from '../segmenter.ts';

const LOCAL_AUTHORITY = /(?<=^|[^\p{Script=Han}]|[在由经自从对向与和及、获到委府])(区|市|县|省)(委|政府)/gu;

export const localAuthorities: Recognizer = {
  name: 'local-authorities',
  stage: 'names',
  needs: ['home', 'found'],
  sources: { suffix: { priority: 50, weight: 1 } },
  inDocument: ({ text, doc, home, found }, out) => findLocalAuthorities(text, doc.sentences, home, found, out),
  refine: ({ home }, candidates) => qualifyLocalOrganizations(candidates, home),
};

/**
 * 区委, 区政府: a bare party committee or government is that of the report's own district
 * (西湖区委 in a report about 西湖区); 省委 and 省政府 keep their names.
 */
function findLocalAuthorities(
  text: string,
  sentences: Sentence[],
  home: string | undefined,
  found: readonly Candidate[],
  out: Candidate[],
): void {
  // Where each district found ends, for 某市委市政府.
  const districtEndingAt = new Map<number, Candidate>();
  for (const c of found) if (c.type === 'District') districtEndingAt.set(c.end, c);
  for (const sentence of sentences) {
    for (const m of matchesNear(text.slice(sentence.start, sentence.end), ['委', '政府'], LOCAL_AUTHORITY)) {
      const start = sentence.start + m.index;
      const level = m[1]!;
      // 某市委市政府: after the committee of a place named in full, its government.
      const before = text.slice(Math.max(sentence.start, start - 2), start);
      const chained = districtEndingAt.get(before.endsWith('政府') ? start - 2 : before.endsWith('委') ? start - 1 : -1);
      const owner = chained?.name.endsWith(level) ? chained.name : undefined;
      const name = owner ? owner + m[2] : level === '省' ? m[0] : home?.endsWith(level) ? home + m[2] : undefined;
      if (name) out.push({ start, end: start + m[0].length, type: 'Organization', name, alias: m[0], via: 'suffix' });
    }
  }
}

/**
 * 区共富领导小组, 区委社建委: an organization named after a bare 区 (市, 县) is the report's own
 * district's, as 区委 is; it is named in full, the written form kept as an alias.
 */
function qualifyLocalOrganizations(candidates: Candidate[], home: string | undefined): void {
  if (!home) return;
  for (const c of candidates) {
    if (c.type !== 'Organization' || c.via !== 'suffix' || c.name.startsWith(home)) continue;
    // By the dictionary alone: jieba's guessing glues 县经 of 县经信局 into a word; 市场 stays whole.
    const first = cutExact(c.name)[0] ?? '';
    if (/^[区市县](?:委|政府)?$/.test(first) && home.endsWith(first[0]!)) {
      c.alias = c.name;
      c.name = home + c.name.slice(1);
    }
  }
}
