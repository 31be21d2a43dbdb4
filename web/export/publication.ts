// The frame around an exported picture, so that it can be published as it is: a title on top;
// under the graph the legend of the types shown, the date and the reports it was drawn from. Laid
// out here as plain numbers (text widths estimated: a CJK character is one em, other characters
// about half), drawn as SVG (decorateSvg) or on a 2D canvas (./png.ts) from the same layout.
import { xmlText } from './graphml.ts';

export interface LegendItem {
  label: string;
  color: string;
  /** A node shape (entity types, communities) or 'line' (relation types). */
  shape: string;
}

export interface Publication {
  title: string;
  legend: LegendItem[];
  /** "Exported 2025-06-01 · reports 2023-05 to 2024-03". */
  dateLine: string;
  /** "Sources: report title (outlet); …". */
  sourceLine: string;
}

export const FRAME = {
  margin: 16,
  titleSize: 20,
  textSize: 12,
  lineGap: 6,
  swatch: 12,
  itemGap: 18,
  font: '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif',
} as const;

/** Estimated width of a text at a font size. */
export function textWidth(text: string, size: number): number {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch) ? size : size * 0.55;
  return width;
}

/** Lines of at most `width` (estimated), broken between characters. */
export function wrap(text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line && textWidth(line + ch, size) > width) {
      lines.push(line);
      line = ch.trimStart();
    } else line += ch;
  }
  if (line) lines.push(line);
  return lines;
}

export interface FrameLayout {
  width: number;
  height: number;
  /** Where the graph goes. */
  graph: { x: number; y: number; width: number; height: number };
  title: { lines: string[]; y: number };
  /** Legend items with their positions (top-left of the swatch). */
  legend: Array<LegendItem & { x: number; y: number }>;
  footer: Array<{ text: string; y: number }>;
}

/** Where everything goes around a graph picture of `width` × `height`. */
export function frameLayout(publication: Publication, width: number, height: number): FrameLayout {
  const m = FRAME.margin;
  const inner = Math.max(200, width - 2 * m);
  const titleLines = wrap(publication.title, FRAME.titleSize, inner);
  let y = m;
  const title = { lines: titleLines, y };
  y += titleLines.length * (FRAME.titleSize + FRAME.lineGap) + FRAME.lineGap;
  const graph = { x: 0, y, width, height };
  y += height + FRAME.lineGap * 2;
  const legend: FrameLayout['legend'] = [];
  let x = m;
  const row = FRAME.textSize + FRAME.lineGap;
  for (const item of publication.legend) {
    const itemWidth = FRAME.swatch + 4 + textWidth(item.label, FRAME.textSize);
    if (x > m && x + itemWidth > m + inner) {
      x = m;
      y += row;
    }
    legend.push({ ...item, x, y });
    x += itemWidth + FRAME.itemGap;
  }
  if (legend.length) y += row + FRAME.lineGap;
  const footer: FrameLayout['footer'] = [];
  for (const text of [publication.dateLine, publication.sourceLine]) {
    for (const line of wrap(text, FRAME.textSize, inner)) {
      footer.push({ text: line, y });
      y += row;
    }
  }
  return { width, height: y + m, graph, title, legend, footer };
}

/** An SVG swatch for a legend item at (x, y). */
function swatch(item: LegendItem & { x: number; y: number }): string {
  const s = FRAME.swatch;
  const fill = xmlText(item.color);
  if (item.shape === 'line')
    return `<line x1="${item.x}" y1="${item.y + s / 2}" x2="${item.x + s}" y2="${item.y + s / 2}" stroke="${fill}" stroke-width="2"/>`;
  if (item.shape === 'ellipse')
    return `<circle cx="${item.x + s / 2}" cy="${item.y + s / 2}" r="${s / 2 - 0.5}" fill="${fill}" stroke="#1b1f24" stroke-width="0.8"/>`;
  return `<rect x="${item.x}" y="${item.y}" width="${s}" height="${s}" rx="${item.shape === 'round-rectangle' ? 3 : 0}" fill="${fill}" stroke="#1b1f24" stroke-width="0.8"/>`;
}

/** The graph's SVG (cytoscape-svg's output) inside the frame: one standalone SVG document. */
export function decorateSvg(graphSvg: string, publication: Publication): string {
  const size = (name: string) => Number(new RegExp(`<svg\\b[^>]*?\\s${name}="([\\d.]+)`).exec(graphSvg)?.[1]);
  const width = size('width') || 800;
  const height = size('height') || 600;
  const layout = frameLayout(publication, width, height);
  const text = (content: string, x: number, y: number, px: number, weight = 'normal', fill = '#1b1f24') =>
    `<text x="${x}" y="${y + px}" font-size="${px}" font-weight="${weight}" fill="${fill}">${xmlText(content)}</text>`;
  // The graph's own document nested as it is, moved below the title; its XML declaration dropped.
  const inner = graphSvg.replace(/^<\?xml[^>]*>\s*/, '').replace(/<svg\b/, `<svg x="${layout.graph.x}" y="${layout.graph.y}"`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}">`,
    `<style>text { font-family: ${FRAME.font}; }</style>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...layout.title.lines.map((line, i) =>
      text(line, FRAME.margin, layout.title.y + i * (FRAME.titleSize + FRAME.lineGap), FRAME.titleSize, 'bold'),
    ),
    inner,
    ...layout.legend.map((item) => swatch(item) + text(item.label, item.x + FRAME.swatch + 4, item.y - 1, FRAME.textSize)),
    ...layout.footer.map((line) => text(line.text, FRAME.margin, line.y, FRAME.textSize, 'normal', '#56606b')),
    '</svg>',
    '',
  ].join('\n');
}
