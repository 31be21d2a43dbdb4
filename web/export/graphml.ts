// The current subgraph as GraphML, for Gephi, yEd and networkx. Attributes are declared as <key>s
// (label, type, weight, evidence count…); every text goes through xmlText(), which escapes markup
// and drops characters XML 1.0 cannot carry, so any name from a report yields a well-formed file.
import type { SubgraphInput } from '../state/vocabulary.ts';
import { RELATION_LABELS, ENTITY_STYLE } from '../canvas/style.ts';
import type { EndCell, EvidenceRow } from './evidence-table.ts';

/** Text safe in XML content and attribute values: escaped, without characters XML 1.0 forbids. */
export function xmlText(value: string): string {
  const legal = value.replace(
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '',
  );
  return legal.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const KEYS = [
  { id: 'label', for: 'node', type: 'string', name: 'label' },
  { id: 'type', for: 'node', type: 'string', name: 'type' },
  { id: 'typeLabel', for: 'node', type: 'string', name: 'type_zh' },
  { id: 'degree', for: 'node', type: 'int', name: 'degree' },
  { id: 'more', for: 'node', type: 'int', name: 'hidden_neighbours' },
  { id: 'color', for: 'node', type: 'string', name: 'color' },
  { id: 'rtype', for: 'edge', type: 'string', name: 'type' },
  { id: 'rlabel', for: 'edge', type: 'string', name: 'label' },
  { id: 'weight', for: 'edge', type: 'double', name: 'weight' },
  { id: 'evidence', for: 'edge', type: 'int', name: 'evidence_count' },
  { id: 'first', for: 'edge', type: 'string', name: 'first_reported' },
  { id: 'confidence', for: 'edge', type: 'double', name: 'confidence' },
  // The sentences stating the relation, one a line, and the same with reports and how each end is given, as JSON.
  { id: 'sentences', for: 'edge', type: 'string', name: 'sentences' },
  { id: 'evidenceJson', for: 'edge', type: 'string', name: 'evidence_json' },
] as const;

const endJson = (cell: EndCell) => ({
  link: cell.link,
  span: cell.span,
  start: cell.start,
  end: cell.end,
  ...(cell.antecedentPlace ? { antecedent: { place: cell.antecedentPlace, start: cell.antecedentStart, end: cell.antecedentEnd } } : {}),
});

function evidenceData(rows: readonly EvidenceRow[]): string {
  if (rows.length === 0) return '';
  const json = rows.map((r) => ({
    document: r.reportId,
    title: r.report,
    date: r.date,
    start: r.sentenceStart,
    end: r.sentenceEnd,
    text: r.sentence,
    link: r.link,
    confidence: r.confidence,
    source: endJson(r.sourceEnd),
    target: endJson(r.targetEnd),
  }));
  return data('sentences', rows.map((r) => r.sentence).join('\n')) + data('evidenceJson', JSON.stringify(json));
}

function data(key: string, value: string | number): string {
  return `<data key="${key}">${typeof value === 'number' ? String(value) : xmlText(value)}</data>`;
}

/** GraphML of a subgraph, edges with their sentences when `evidence` has them; edges whose ends are missing are left out. */
export function subgraphToGraphml(subgraph: SubgraphInput, evidence: ReadonlyMap<string, readonly EvidenceRow[]> = new Map()): string {
  const ids = new Set(subgraph.nodes.map((n) => n.id));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...KEYS.map((k) => `  <key id="${k.id}" for="${k.for}" attr.name="${k.name}" attr.type="${k.type}"/>`),
    '  <graph id="G" edgedefault="directed">',
  ];
  for (const n of subgraph.nodes) {
    lines.push(
      `    <node id="${xmlText(n.id)}">${data('label', n.name)}${data('type', n.type)}${data('typeLabel', ENTITY_STYLE[n.type].label.zh)}${data('degree', n.degree)}${data('more', n.hiddenTotal ?? 0)}${data('color', ENTITY_STYLE[n.type].color)}</node>`,
    );
  }
  for (const e of subgraph.edges) {
    if (!ids.has(e.source) || !ids.has(e.target)) continue;
    const first = e.firstReported ? data('first', e.firstReported) : '';
    const confidence = e.confidence !== null && e.confidence !== undefined ? data('confidence', e.confidence) : '';
    const sentences = evidenceData(evidence.get(e.id) ?? []);
    lines.push(
      `    <edge id="${xmlText(e.id)}" source="${xmlText(e.source)}" target="${xmlText(e.target)}"${e.directed ? '' : ' directed="false"'}>${data('rtype', e.type)}${data('rlabel', RELATION_LABELS[e.type].zh)}${data('weight', e.weight)}${data('evidence', e.weight)}${first}${confidence}${sentences}</edge>`,
    );
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
