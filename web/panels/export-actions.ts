// What the export menu and the console download: pictures framed for publication (title, legend of
// the types shown, date, the reports used), the evidence table of every relation shown, GraphML
// with the sentences, JSON and CSV of the subgraph, and the link that restores the view.
import { api } from '../api/index.ts';
import { COMMUNITY_COLORS, ENTITY_STYLE, OTHER_COMMUNITY_COLOR, relationLabel, type Canvas } from '../canvas/index.ts';
import {
  BOM,
  csvField,
  decoratePng,
  decorateSvg,
  evidenceCsv,
  evidenceMarkdown,
  evidenceRows,
  saveFile,
  subgraphToCsv,
  subgraphToGraphml,
  subgraphToJson,
  type EvidenceRow,
  type LegendItem,
  type Publication,
  type RelationEvidence,
} from '../export/index.ts';
import { language, t } from '../i18n/index.ts';
import type { GroupView } from '../state/groups.ts';
import { ENTITY_TYPES, RELATION_TYPES, type Styling, type SubgraphInput } from '../state/vocabulary.ts';
import type { ConsoleExports } from './console.ts';

export interface PictureOptions {
  title: string;
  /** The whole graph rather than the view. */
  full: boolean;
}

export interface ExportActions {
  /** A title to offer: the saved view's name, or the entities in the middle of it. */
  defaultTitle(): string;
  png(options: PictureOptions): Promise<Blob>;
  svg(options: PictureOptions): Promise<string>;
  json(): string;
  graphml(): Promise<string>;
  /** Entities as CSV (relations are saved as a second file). */
  csv(): string;
  evidenceCsv(): Promise<string>;
  evidenceMarkdown(options: PictureOptions): Promise<string>;
  /** The address that restores the current view. */
  link(): string;
}

export interface ExportHost {
  canvas: Canvas;
  styling(): Styling;
  groups(): GroupView | null;
  /** Names of communities by rank, when known (for the legend when colouring by community). */
  communityLabel(rank: number): string | null;
  /** The open saved view's name, if any. */
  viewName(): string | null;
}

const today = () => new Date().toISOString().slice(0, 10);

export function createExportActions(host: ExportHost): ExportActions & ConsoleExports {
  const { canvas } = host;
  const shown = (): SubgraphInput => canvas.subgraph({ visibleOnly: true });
  /** Relations drawn, each alone or merged into a closed group's edge. */
  const relationIds = (): string[] => {
    const ids = new Set(shown().edges.map((e) => e.id));
    for (const merged of host.groups()?.merged ?? []) for (const id of merged.relations) ids.add(id);
    return [...ids];
  };

  async function evidence(): Promise<{ rows: EvidenceRow[]; byRelation: Map<string, EvidenceRow[]> }> {
    const ids = relationIds();
    const relations: RelationEvidence[] = [];
    for (let i = 0; i < ids.length; i += 100) {
      for (const relation of await api.relations(ids.slice(i, i + 100))) if (relation) relations.push(relation);
    }
    const base = `${location.origin}${location.pathname}`;
    const rows = evidenceRows(relations, (type) => relationLabel(type as never, language()), base);
    const byRelation = new Map<string, EvidenceRow[]>();
    for (const row of rows) byRelation.set(row.relationId, [...(byRelation.get(row.relationId) ?? []), row]);
    return { rows, byRelation };
  }

  function legend(subgraph: SubgraphInput): LegendItem[] {
    const lang = language();
    const items: LegendItem[] = [];
    if (host.styling().color === 'community') {
      const ranks = [...new Set(subgraph.nodes.map((n) => n.community ?? -1))].sort((a, b) => a - b);
      for (const rank of ranks) {
        const color = rank >= 0 ? (COMMUNITY_COLORS[rank] ?? OTHER_COMMUNITY_COLOR) : OTHER_COMMUNITY_COLOR;
        const label = rank >= 0 ? (host.communityLabel(rank) ?? String(rank + 1)) : t('legend.otherCommunities');
        items.push({ label: t('legend.community', { label }), color, shape: 'ellipse' });
      }
    } else {
      const types = new Set(subgraph.nodes.map((n) => n.type));
      for (const type of ENTITY_TYPES)
        if (types.has(type))
          items.push({ label: ENTITY_STYLE[type].label[lang], color: ENTITY_STYLE[type].color, shape: ENTITY_STYLE[type].shape });
    }
    const relations = new Set(subgraph.edges.map((e) => e.type));
    for (const type of RELATION_TYPES)
      if (relations.has(type)) items.push({ label: relationLabel(type, lang), color: '#9aa5b1', shape: 'line' });
    return items;
  }

  function publication(title: string, rows: readonly EvidenceRow[]): Publication {
    const subgraph = shown();
    const dates = rows
      .map((r) => r.date)
      .filter((d): d is string => d !== null)
      .sort();
    const reports = new Map<string, string>();
    for (const row of rows)
      if (!reports.has(row.reportId)) reports.set(row.reportId, row.outlet ? `${row.report}（${row.outlet}）` : row.report);
    const list = [...reports.values()];
    const shownReports = list.slice(0, 8).join('；');
    return {
      title: title.trim() || defaultTitle(),
      legend: legend(subgraph),
      dateLine: dates.length
        ? t('export.dateLine', { date: today(), from: dates[0]!, to: dates.at(-1)! })
        : t('export.dateLineUndated', { date: today() }),
      sourceLine:
        list.length === 0
          ? t('export.sourcesNone')
          : t(list.length > 8 ? 'export.sourcesMore' : 'export.sources', { list: shownReports, count: list.length }),
    };
  }

  function defaultTitle(): string {
    const name = host.viewName();
    if (name) return name;
    const names = [...shown().nodes]
      .sort((a, b) => b.degree - a.degree)
      .slice(0, 3)
      .map((n) => n.name);
    return names.length ? t('export.defaultTitle', { names: names.join('、') }) : t('app.title');
  }

  return {
    defaultTitle,
    async png(options) {
      const [graph, { rows }] = await Promise.all([canvas.exportPng({ scale: 2, full: options.full }), evidence()]);
      return decoratePng(graph, publication(options.title, rows), 2);
    },
    async svg(options) {
      const { rows } = await evidence();
      return decorateSvg(canvas.exportSvg({ full: options.full }), publication(options.title, rows));
    },
    json: () => subgraphToJson(shown(), { exportedAt: new Date().toISOString() }),
    async graphml() {
      const { byRelation } = await evidence();
      return subgraphToGraphml(shown(), byRelation);
    },
    csv() {
      const { nodes, edges } = subgraphToCsv(shown());
      saveFile(edges, `policy-graph-${today()}-relations.csv`, 'text/csv');
      return nodes;
    },
    async evidenceCsv() {
      return evidenceCsv((await evidence()).rows);
    },
    async evidenceMarkdown(options) {
      const { rows } = await evidence();
      const meta = publication(options.title, rows);
      return evidenceMarkdown(rows, {
        title: meta.title,
        lines: [meta.dateLine, meta.sourceLine],
        columns: {
          relation: t('export.column.relation'),
          sentence: t('export.column.sentence'),
          ends: t('export.column.ends'),
          report: t('export.column.report'),
          date: t('export.column.date'),
          link: t('export.column.link'),
        },
        linkLabel: (link) => t(`export.link.${link}` as 'export.link.named'),
      });
    },
    link: () => location.href,
    downloadTable(fileName, columns, rows) {
      const text =
        BOM +
        [columns, ...rows]
          .map((row) => row.map((cell) => csvField(cell === null || cell === undefined ? null : String(cell))).join(','))
          .join('\r\n') +
        '\r\n';
      saveFile(text, fileName, 'text/csv');
    },
  };
}
