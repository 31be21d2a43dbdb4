import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { BOM, subgraphToCsv, subgraphToGraphml, subgraphToJson, JSON_FORMAT } from '../../web/export/index.ts';
import type { SubgraphInput } from '../../web/state/vocabulary.ts';

const subgraph: SubgraphInput = {
  nodes: [
    { id: 'District:龙湾区#330303', type: 'District', name: '龙湾区', degree: 12, hiddenTotal: 4 },
    { id: 'Program:共富工坊', type: 'Program', name: '共富工坊', degree: 30 },
    { id: 'Company:"A&B"<公司>, 有限', type: 'Company', name: '"A&B"<公司>,\n有限\u0001', degree: 1 },
    { id: 'Person:=cmd', type: 'Person', name: '=SUM(A1)', degree: 0 },
    { id: 'Place:西湖', type: 'Place', name: '西湖\n景区', degree: 0 },
  ],
  edges: [
    {
      id: 'IMPLEMENTS:District:龙湾区#330303->Program:共富工坊',
      type: 'IMPLEMENTS',
      source: 'District:龙湾区#330303',
      target: 'Program:共富工坊',
      weight: 3,
      directed: true,
      firstReported: '2023-04-01',
    },
    {
      id: 'PARTNERS_WITH:x',
      type: 'PARTNERS_WITH',
      source: 'Company:"A&B"<公司>, 有限',
      target: 'Program:共富工坊',
      weight: 1,
      directed: false,
    },
    { id: 'dangling', type: 'FUNDS', source: 'Company:elsewhere', target: 'Program:共富工坊', weight: 1, directed: true },
  ],
};

/** RFC 4180 reader, enough to read our own output back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      // Spreadsheets end a row at any bare line break; ours must only come as CRLF after a row.
      if (c === '\n' || text[i + 1] !== '\n') throw new Error(`bare line break at ${i}`);
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) throw new Error('no CRLF after the last row');
  return rows;
}

describe('exports', () => {
  it('JSON reads back to the same nodes and edges', () => {
    const parsed = JSON.parse(subgraphToJson(subgraph, { exportedAt: '2026-12-01T00:00:00Z' }));
    expect(parsed.format).toBe(JSON_FORMAT);
    expect(parsed.nodes.map((n: { name: string }) => n.name)).toEqual(subgraph.nodes.map((n) => n.name));
    expect(parsed.edges[0]).toMatchObject({ type: 'IMPLEMENTS', weight: 3, firstReported: '2023-04-01' });
  });

  it('GraphML is well-formed, declares its keys and keeps Chinese names and markup characters as text', () => {
    const xml = subgraphToGraphml(subgraph);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(Buffer.from(xml, 'utf8').toString('utf8')).toBe(xml);
    const doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      parseTagValue: false,
      isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ['key', 'node', 'edge', 'data'].includes(name),
    }).parse(xml);
    const keys = doc.graphml.key.map((k: Record<string, string>) => k['attr.name']);
    expect(keys).toEqual(expect.arrayContaining(['label', 'type', 'weight', 'evidence_count']));
    const nodes = doc.graphml.graph.node as Array<{ id: string; data: Array<{ key: string; '#text': string }> }>;
    expect(nodes.map((n) => n.id)).toContain('Company:"A&B"<公司>, 有限');
    const label = (n: (typeof nodes)[number]) => n.data.find((d) => d.key === 'label')?.['#text'];
    expect(nodes.map(label)).toEqual(['龙湾区', '共富工坊', '"A&B"<公司>,\n有限', '=SUM(A1)', '西湖\n景区']);
    const edges = doc.graphml.graph.edge as Array<Record<string, string>>;
    expect(edges).toHaveLength(2);
    expect(edges[1]).toMatchObject({ directed: 'false' });
  });

  it('CSV starts with a BOM, quotes per RFC 4180 and reads back', () => {
    const { nodes, edges } = subgraphToCsv(subgraph);
    expect(nodes.startsWith(BOM)).toBe(true);
    const rows = parseCsv(nodes.slice(1));
    expect(rows[0]).toEqual(['id', 'name', 'type', 'degree', 'hidden_neighbours']);
    expect(rows.slice(1).map((r) => r[1])).toEqual(['龙湾区', '共富工坊', '"A&B"<公司>,\n有限\u0001', "'=SUM(A1)", '西湖\n景区']);
    expect(rows[1]).toEqual(['District:龙湾区#330303', '龙湾区', 'District', '12', '4']);
    const edgeRows = parseCsv(edges.slice(1));
    expect(edgeRows).toHaveLength(4);
    expect(edgeRows[1]).toEqual([
      'IMPLEMENTS:District:龙湾区#330303->Program:共富工坊',
      'District:龙湾区#330303',
      'Program:共富工坊',
      'IMPLEMENTS',
      '3',
      'true',
      '2023-04-01',
    ]);
  });
});
