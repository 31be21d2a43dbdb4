import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  BOM,
  decorateSvg,
  evidenceCsv,
  evidenceMarkdown,
  evidenceRows,
  subgraphToCsv,
  subgraphToGraphml,
  subgraphToJson,
  JSON_FORMAT,
} from '../../web/export/index.ts';
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

describe('publication exports', () => {
  const evidence = {
    documentId: 'a.txt',
    start: 100,
    end: 118,
    text: '该区启动“共富工坊”，带动增收。',
    highlights: [],
    ends: {
      source: { link: 'anaphor' as const, start: 100, end: 102, antecedent: { start: 0, end: 3, place: 'title' as const } },
      target: { link: 'named' as const, start: 105, end: 109, antecedent: null },
    },
    document: { id: 'a.txt', title: '龙湾区共富工坊 | 报道', date: '2024-03-01', source: '温州日报' },
    confidence: 0.82,
  };
  const relations = [
    {
      id: 'IMPLEMENTS:龙湾区->共富工坊',
      type: 'IMPLEMENTS',
      source: { id: 'District:龙湾区', name: '龙湾区' },
      target: { id: 'Program:共富工坊', name: '共富工坊' },
      evidence: [evidence, { ...evidence, ends: null, confidence: null, document: { ...evidence.document, date: null, source: null } }],
    },
  ];
  const rows = evidenceRows(relations, () => '实施', 'https://example.org/');

  it('gives every sentence with its report, date, link and how it gives each end', () => {
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      sentence: evidence.text,
      report: '龙湾区共富工坊 | 报道',
      date: '2024-03-01',
      link: 'https://example.org/#doc=a.txt&at=100&len=18',
      sourceEnd: { link: 'anaphor', span: '该区', start: 100, end: 102, antecedentPlace: 'title', antecedentStart: 0, antecedentEnd: 3 },
      targetEnd: { link: 'named', span: '共富工坊', start: 105, end: 109 },
    });
    const csv = evidenceCsv(rows);
    expect(csv.startsWith(BOM)).toBe(true);
    const [header, first, second] = csv.slice(1).trim().split('\r\n');
    expect(header!.split(',')).toEqual(
      expect.arrayContaining([
        'sentence',
        'report',
        'date',
        'link',
        'source_link',
        'source_span',
        'target_link',
        'target_span',
        'confidence',
      ]),
    );
    expect(first).toContain(',anaphor,该区,100,102,title,0,3,named,共富工坊,105,109,,,,0.82');
    // A sentence that does not say how it gives the ends (a co-mention): empty cells, not made up.
    expect(second!.endsWith(',,,,,,,,,,,,,,,')).toBe(true);
  });

  it('writes Markdown with the ends marked in the sentence and table cells escaped', () => {
    const markdown = evidenceMarkdown(rows, {
      title: '龙湾区 | 项目',
      lines: ['导出于 2025-01-01'],
      columns: { relation: '关系', sentence: '原句', ends: '两端', report: '报道', date: '日期', link: '链接' },
      linkLabel: (link) => link,
    });
    expect(markdown).toContain('# 龙湾区 \\| 项目');
    expect(markdown).toContain('**该区**启动“*共富工坊*”');
    expect(markdown).toContain('龙湾区: anaphor “该区”');
    expect(markdown).toContain('龙湾区共富工坊 \\| 报道 · 温州日报');
    expect(markdown.split('\n').filter((line) => line.startsWith('| 1 |') || line.startsWith('| 2 |'))).toHaveLength(2);
  });

  it('frames an SVG with the title, the legend and the sources, still one well-formed document', () => {
    const graph = '<?xml version="1.0" encoding="UTF-8"?><svg xmlns="http://www.w3.org/2000/svg" width="640" height="480"><g/></svg>';
    const framed = decorateSvg(graph, {
      title: '龙湾区 & 共富工坊 <报道>',
      legend: [
        { label: '行政区', color: '#0072B2', shape: 'hexagon' },
        { label: '实施', color: '#9aa5b1', shape: 'line' },
      ],
      dateLine: '导出于 2025-01-01',
      sourceLine: '来源：龙湾区共富工坊（温州日报）',
    });
    expect(XMLValidator.validate(framed)).toBe(true);
    expect(framed).toContain('龙湾区 &amp; 共富工坊 &lt;报道&gt;');
    expect(framed).toContain('来源：龙湾区共富工坊（温州日报）');
    expect(framed).toMatch(/<svg x="0" y="\d+"/);
    const height = Number(/height="(\d+(?:\.\d+)?)"/.exec(framed)![1]);
    expect(height).toBeGreaterThan(480 + 60);
  });

  it('GraphML edges carry their sentences and, as JSON, both ends as each sentence gives them', () => {
    const graphml = subgraphToGraphml(
      {
        nodes: [
          { id: 'District:龙湾区', type: 'District', name: '龙湾区', degree: 1 },
          { id: 'Program:共富工坊', type: 'Program', name: '共富工坊', degree: 1 },
        ],
        edges: [
          { id: relations[0]!.id, type: 'IMPLEMENTS', source: 'District:龙湾区', target: 'Program:共富工坊', weight: 2, directed: true },
        ],
      },
      new Map([[relations[0]!.id, rows]]),
    );
    expect(XMLValidator.validate(graphml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(graphml);
    const data = parsed.graphml.graph.edge.data as Array<{ '#text': string | number; '@_key': string }>;
    expect(String(data.find((d) => d['@_key'] === 'sentences')!['#text'])).toContain(evidence.text);
    const json = JSON.parse(String(data.find((d) => d['@_key'] === 'evidenceJson')!['#text']));
    expect(json[0]).toMatchObject({
      document: 'a.txt',
      source: { link: 'anaphor', span: '该区' },
      target: { link: 'named', span: '共富工坊' },
    });
  });
});
