// A company's short form: a report names a firm in full once (安吉某某实业投资有限公司) and then by a
// quoted part of that name (“某某实业”, “某某”公司). Such a mention is the firm, under its full name.
import type { Candidate } from './candidate.ts';

const FIRM_TAIL = /(?:公司|集团)$/;

/** The mentions of a document, its companies' quoted short forms renamed to the full name they stand for. */
export function companyShortForms(mentions: Candidate[]): Candidate[] {
  const firms = [...new Set(mentions.filter((m) => m.type === 'Company' && m.via === 'suffix' && m.name.length >= 6).map((m) => m.name))];
  if (firms.length === 0) return mentions;
  return mentions.map((m) => {
    if (
      (m.via !== 'quote' && m.via !== 'known') ||
      m.type === 'Person' ||
      m.type === 'District' ||
      m.type === 'Village' ||
      m.type === 'Document'
    )
      return m;
    // “某某”公司 carries the firm's tail and may quote two characters; a bare quote needs three.
    const tailed = FIRM_TAIL.test(m.name);
    const core = m.name.replace(FIRM_TAIL, '');
    if (core.length < (tailed ? 2 : 3)) return m;
    const full = firms.filter((name) => name !== m.name && name.includes(core));
    if (full.length !== 1) return m;
    return { ...m, type: 'Company', name: full[0]!, alias: m.name };
  });
}
