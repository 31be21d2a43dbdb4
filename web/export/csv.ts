// The current subgraph as two CSV files (nodes, edges): RFC 4180 quoting, CRLF line ends, and a
// byte-order mark so that Excel reads the Chinese as UTF-8.
import type { SubgraphInput } from '../state/vocabulary.ts';

export const BOM = '\uFEFF';

/** One CSV field. Text that a spreadsheet would run as a formula (=, +, -, @) gets a leading apostrophe. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

function table(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null | undefined>>): string {
  return BOM + [header.map(csvField), ...rows.map((r) => r.map(csvField))].map((r) => r.join(',')).join('\r\n') + '\r\n';
}

/** Nodes and edges as CSV texts. */
export function subgraphToCsv(subgraph: SubgraphInput): { nodes: string; edges: string } {
  return {
    nodes: table(
      ['id', 'name', 'type', 'degree', 'hidden_neighbours'],
      subgraph.nodes.map((n) => [n.id, n.name, n.type, n.degree, n.hiddenTotal ?? 0]),
    ),
    edges: table(
      ['id', 'source', 'target', 'type', 'weight', 'directed', 'first_reported'],
      subgraph.edges.map((e) => [e.id, e.source, e.target, e.type, e.weight, e.directed, e.firstReported ?? null]),
    ),
  };
}
