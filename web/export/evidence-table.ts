// The evidence table of a publication: every relation shown, one row per sentence stating it,
// with the report, its date, a link into the explorer's reader, and how the sentence gives each
// end (named, anaphor, left-out subject, the page's structure: the span and its offsets). As CSV
// for spreadsheets and as Markdown for an article's notes.
import type { Evidence } from '../api/index.ts';
import { BOM, csvField } from './csv.ts';

/** A relation with its sentences, as the API's RelationsEvidence gives it. */
export interface RelationEvidence {
  id: string;
  type: string;
  source: { id: string; name: string };
  target: { id: string; name: string };
  evidence: readonly Evidence[];
}

type EndTrace = NonNullable<Evidence['ends']>['source'];

export interface EndCell {
  /** named, anaphor, omitted, structural; empty when the sentence does not say (co-mentions). */
  link: string;
  /** The words of the sentence standing for the end (empty for a left-out subject or the page's structure). */
  span: string;
  /** Offsets of the span in the report's original text. */
  start: number | null;
  end: number | null;
  /** Where an end the sentence does not name is named: title, lead, before, after, byline. */
  antecedentPlace: string;
  antecedentStart: number | null;
  antecedentEnd: number | null;
}

export interface EvidenceRow {
  relationId: string;
  type: string;
  /** The relation type in words (the export's language). */
  typeLabel: string;
  sourceId: string;
  source: string;
  targetId: string;
  target: string;
  sentence: string;
  sentenceStart: number;
  sentenceEnd: number;
  report: string;
  reportId: string;
  date: string | null;
  outlet: string | null;
  /** The explorer's reader at the sentence. */
  link: string;
  sourceEnd: EndCell;
  targetEnd: EndCell;
  /** How likely the sentence states the relation; null where nothing weighed it. */
  confidence: number | null;
}

function endCell(end: EndTrace | undefined, evidence: Evidence): EndCell {
  if (!end) return { link: '', span: '', start: null, end: null, antecedentPlace: '', antecedentStart: null, antecedentEnd: null };
  const inSentence = end.link === 'named' || end.link === 'anaphor';
  return {
    link: end.link,
    span: inSentence ? evidence.text.slice(end.start - evidence.start, end.end - evidence.start) : '',
    start: end.link === 'structural' ? null : end.start,
    end: end.link === 'structural' ? null : end.end,
    antecedentPlace: end.antecedent?.place ?? '',
    antecedentStart: end.antecedent?.start ?? null,
    antecedentEnd: end.antecedent?.end ?? null,
  };
}

/** The address of the reader at a sentence: `#doc=<id>&at=<offset>&len=<length>` on the explorer's page. */
export function readerLink(base: string, documentId: string, start: number, end: number): string {
  return `${base}#doc=${encodeURIComponent(documentId)}&at=${start}&len=${Math.max(0, end - start)}`;
}

/** One row per sentence of every relation, in the order given. */
export function evidenceRows(relations: readonly RelationEvidence[], typeLabel: (type: string) => string, base: string): EvidenceRow[] {
  const rows: EvidenceRow[] = [];
  for (const relation of relations) {
    for (const evidence of relation.evidence) {
      rows.push({
        relationId: relation.id,
        type: relation.type,
        typeLabel: typeLabel(relation.type),
        sourceId: relation.source.id,
        source: relation.source.name,
        targetId: relation.target.id,
        target: relation.target.name,
        sentence: evidence.text,
        sentenceStart: evidence.start,
        sentenceEnd: evidence.end,
        report: evidence.document.title,
        reportId: evidence.documentId,
        date: evidence.document.date,
        outlet: evidence.document.source,
        link: readerLink(base, evidence.documentId, evidence.start, evidence.end),
        sourceEnd: endCell(evidence.ends?.source, evidence),
        targetEnd: endCell(evidence.ends?.target, evidence),
        confidence: evidence.confidence ?? null,
      });
    }
  }
  return rows;
}

const END_COLUMNS = ['link', 'span', 'start', 'end', 'antecedent_place', 'antecedent_start', 'antecedent_end'];
const endValues = (cell: EndCell) => [
  cell.link,
  cell.span,
  cell.start,
  cell.end,
  cell.antecedentPlace,
  cell.antecedentStart,
  cell.antecedentEnd,
];

/** The table as CSV (RFC 4180, CRLF, byte-order mark for Excel). */
export function evidenceCsv(rows: readonly EvidenceRow[]): string {
  const header = [
    'relation_id',
    'relation_type',
    'relation',
    'source_id',
    'source',
    'target_id',
    'target',
    'sentence',
    'report',
    'report_id',
    'date',
    'outlet',
    'link',
    'sentence_start',
    'sentence_end',
    ...END_COLUMNS.map((c) => `source_${c}`),
    ...END_COLUMNS.map((c) => `target_${c}`),
    'confidence',
  ];
  const lines = rows.map((r) => [
    r.relationId,
    r.type,
    r.typeLabel,
    r.sourceId,
    r.source,
    r.targetId,
    r.target,
    r.sentence,
    r.report,
    r.reportId,
    r.date,
    r.outlet,
    r.link,
    r.sentenceStart,
    r.sentenceEnd,
    ...endValues(r.sourceEnd),
    ...endValues(r.targetEnd),
    r.confidence,
  ]);
  return BOM + [header, ...lines].map((line) => line.map((cell) => csvField(cell)).join(',')).join('\r\n') + '\r\n';
}

/** Text safe in a Markdown table cell: no line breaks, pipes and markup characters escaped. */
export function markdownCell(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/([\\`*_{}[\]<>()#+!|~])/g, '\\$1')
    .trim();
}

/** The sentence with the source's span in bold and the target's in italics; ∅ where a subject is left out. */
export function markedSentence(row: EvidenceRow): string {
  const marks: Array<{ at: number; end: number; open: string; close: string }> = [];
  for (const [cell, open, close] of [
    [row.sourceEnd, '**', '**'],
    [row.targetEnd, '*', '*'],
  ] as const) {
    if (cell.start === null || cell.end === null) continue;
    const at = cell.start - row.sentenceStart;
    const end = cell.end - row.sentenceStart;
    if (at < 0 || end > row.sentence.length) continue;
    marks.push(cell.link === 'omitted' ? { at, end: at, open: '∅', close: '' } : { at, end, open, close });
  }
  marks.sort((a, b) => a.at - b.at);
  let out = '';
  let at = 0;
  for (const mark of marks) {
    if (mark.at < at) continue;
    out += markdownCell(row.sentence.slice(at, mark.at)) + mark.open + markdownCell(row.sentence.slice(mark.at, mark.end)) + mark.close;
    at = mark.end;
  }
  return out + markdownCell(row.sentence.slice(at));
}

export interface MarkdownLabels {
  title: string;
  /** The lines under the title: date, sources. */
  lines: string[];
  columns: { relation: string; sentence: string; report: string; date: string; ends: string; link: string };
  /** How an end is given, in words (named, anaphor…). */
  linkLabel(link: string): string;
}

function endNote(cell: EndCell, name: string, labels: MarkdownLabels): string {
  if (!cell.link) return '';
  const span = cell.span && cell.span !== name ? `“${cell.span}”` : '';
  return `${name}: ${labels.linkLabel(cell.link)}${span ? ` ${span}` : ''}`;
}

/** The table as a Markdown document: a title, its lines, then one row per sentence. */
export function evidenceMarkdown(rows: readonly EvidenceRow[], labels: MarkdownLabels): string {
  const c = labels.columns;
  const out = [`# ${markdownCell(labels.title)}`, '', ...labels.lines.map((line) => `${markdownCell(line)}  `), ''];
  out.push(`| # | ${c.relation} | ${c.sentence} | ${c.ends} | ${c.report} | ${c.date} | ${c.link} |`, '|---|---|---|---|---|---|---|');
  rows.forEach((r, i) => {
    const ends = [endNote(r.sourceEnd, r.source, labels), endNote(r.targetEnd, r.target, labels)]
      .filter(Boolean)
      .map(markdownCell)
      .join('; ');
    out.push(
      `| ${i + 1} | ${markdownCell(`${r.source} → ${r.typeLabel} → ${r.target}`)} | ${markedSentence(r)} | ${ends} | ${markdownCell(
        [r.report, r.outlet].filter(Boolean).join(' · '),
      )} | ${r.date ?? '—'} | [↗](${r.link.replace(/[()\s]/g, (ch) => encodeURIComponent(ch))}) |`,
    );
  });
  return out.join('\n') + '\n';
}
