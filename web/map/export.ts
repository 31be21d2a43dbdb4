// Exports of the map view: the maps as one SVG (or PNG drawn from it) with a title, a legend, the
// date range and a source line; and the diffusion table as CSV, one row per program and adopter
// with the sentence of its first report.
import type { DiffusionResult } from '../api/index.ts';
import { ENTITY_STYLE, FONT_FAMILY } from '../canvas/style.ts';
import { BOM, csvField, xmlText } from '../export/index.ts';
import { language, t } from '../i18n/index.ts';
import type { EntityType } from '../state/vocabulary.ts';
import type { Geography } from './geo.ts';
import { placementOf, type MapModel } from './model.ts';
import { shapePath } from './shapes.ts';
import type { ColorBy } from './state.ts';
import { dateColor, programColor } from './timeline.ts';

export interface ExportMap {
  /** A copy of the map's layers (MapDrawing.snapshot), changed here. */
  svg: SVGSVGElement;
  model: MapModel;
  title: string;
}

export interface ExportOptions {
  title: string;
  colorBy: ColorBy;
  months: readonly string[];
  /** Index of the slider's month. */
  current: number;
  programs: ReadonlyArray<{ name: string; index: number }>;
  source: Geography['source'];
  date: string;
}

const GAP = 24;
const HEADER = 64;
const LEGEND = 86;
const FOOTER = 40;

function legend(options: ExportOptions, types: readonly EntityType[], y: number, width: number): string {
  const parts: string[] = [];
  let x = 12;
  for (const type of types) {
    const style = ENTITY_STYLE[type];
    parts.push(`<path d="${shapePath(style.shape, x + 6, y + 8, 6)}" fill="#d7dce2" stroke="#1b1f24"/>`);
    const label = style.label[language()];
    parts.push(`<text x="${x + 16}" y="${y + 12}">${xmlText(label)}</text>`);
    x += 24 + 13 * label.length;
  }
  parts.push(`<path d="${shapePath('ellipse', x + 6, y + 8, 6)}" fill="#ffffff" stroke="#1b1f24" stroke-dasharray="3 1.5"/>`);
  parts.push(`<text x="${x + 16}" y="${y + 12}">${xmlText(t('map.legend.approximate'))}</text>`);
  x += 30 + 13 * t('map.legend.approximate').length;
  parts.push(`<path d="${shapePath('ellipse', x + 6, y + 8, 6)}" fill="#ffffff" stroke="#56606b" stroke-dasharray="1.5 1.5"/>`);
  parts.push(`<text x="${x + 16}" y="${y + 12}">${xmlText(t('map.legend.undated'))}</text>`);

  const row = y + 32;
  if (options.colorBy === 'date' && options.months.length > 0) {
    const stops = Array.from({ length: 9 }, (_, i) => `<stop offset="${i / 8}" stop-color="${dateColor(i / 8)}"/>`).join('');
    parts.push(`<defs><linearGradient id="map-ramp">${stops}</linearGradient></defs>`);
    parts.push(`<text x="12" y="${row + 12}">${xmlText(t('map.legend.date'))}</text>`);
    parts.push(`<text x="120" y="${row + 12}">${xmlText(options.months[0]!)}</text>`);
    parts.push(`<rect x="180" y="${row + 2}" width="${Math.min(400, width - 300)}" height="12" fill="url(#map-ramp)"/>`);
    parts.push(`<text x="${190 + Math.min(400, width - 300)}" y="${row + 12}">${xmlText(options.months.at(-1)!)}</text>`);
  } else if (options.colorBy === 'program') {
    let px = 12;
    for (const program of options.programs) {
      parts.push(`<rect x="${px}" y="${row + 2}" width="12" height="12" fill="${programColor(program.index)}"/>`);
      parts.push(`<text x="${px + 16}" y="${row + 12}">${xmlText(program.name)}</text>`);
      px += 36 + 13 * program.name.length;
    }
  } else if (options.colorBy === 'type') {
    parts.push(`<text x="12" y="${row + 12}">${xmlText(t('map.legend.typeColors'))}</text>`);
  }
  return parts.join('');
}

/** The maps side by side with title, legend, date range and source line, as SVG text. */
export function mapsToSvg(maps: readonly ExportMap[], options: ExportOptions): string {
  const mapWidth = Math.max(...maps.map((m) => m.model.width));
  const mapHeight = Math.max(...maps.map((m) => m.model.height));
  const width = maps.length * mapWidth + (maps.length - 1) * GAP;
  const height = HEADER + mapHeight + LEGEND + FOOTER;
  const serializer = new XMLSerializer();
  const types = [...new Set(maps.flatMap((m) => m.model.points.map((p) => p.adopter.entity.type)))].sort();
  const range =
    options.months.length > 0
      ? t('map.export.range', {
          from: options.months[0]!,
          to: options.months.at(-1)!,
          at: options.months[Math.max(0, Math.min(options.current, options.months.length - 1))]!,
        })
      : t('map.export.noDates');
  const pieces = maps.map((map, i) => {
    const copy = map.svg;
    copy.querySelector('.map-ring')?.remove();
    copy.setAttribute('viewBox', `0 0 ${map.model.width} ${map.model.height}`);
    copy.setAttribute('x', String(i * (mapWidth + GAP)));
    copy.setAttribute('y', String(HEADER));
    copy.setAttribute('width', String(map.model.width));
    copy.setAttribute('height', String(map.model.height));
    const caption =
      maps.length > 1 ? `<text x="${i * (mapWidth + GAP) + 12}" y="${HEADER - 6}" font-size="14">${xmlText(map.title)}</text>` : '';
    return caption + serializer.serializeToString(copy);
  });
  const source = t('map.export.source', {
    data: options.source.data,
    package: options.source.package,
    version: options.source.version,
    licence: options.source.licence,
    date: options.date,
  });
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${xmlText(FONT_FAMILY)}" font-size="13" fill="#1b1f24">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="12" y="26" font-size="20" font-weight="bold">${xmlText(options.title)}</text>`,
    `<text x="12" y="46" fill="#56606b">${xmlText(range)}</text>`,
    ...pieces,
    `<g transform="translate(0 ${HEADER + mapHeight + 8})">${legend(options, types, 0, width)}</g>`,
    `<text x="12" y="${height - 14}" font-size="11" fill="#56606b">${xmlText(source)}</text>`,
    `</svg>`,
  ].join('\n');
}

/** A PNG of SVG text, drawn at `scale` by the browser itself (fonts included). */
export async function svgToPng(svgText: string, scale = 2): Promise<Blob> {
  const size = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svgText);
  const width = Number(size?.[1] ?? 1000);
  const height = Number(size?.[2] ?? 800);
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d')!;
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

const dayNumber = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return Math.round(Date.UTC(y!, (m ?? 1) - 1, d ?? 1) / 86_400_000);
};

export const CSV_COLUMNS = [
  'program_id',
  'program',
  'program_type',
  'implementer_id',
  'implementer',
  'implementer_type',
  'relation',
  'first_reported',
  'undated',
  'days_after_program_first_report',
  'designation',
  'code',
  'placed_by',
  'township',
  'county',
  'city',
  'map_position',
  'sentence',
  'document_id',
  'document_title',
  'document_date',
] as const;

/** One row per program and adopter: dates, place, how it is drawn, and the sentence of its first report. */
export function diffusionCsv(result: DiffusionResult, geo: Geography): string {
  const rows: Array<Array<string | number | null>> = [];
  for (const program of result.programs) {
    for (const adopter of program.adopters) {
      const placement = placementOf(geo, adopter);
      const evidence = adopter.first.evidence;
      const place = adopter.place;
      rows.push([
        program.program.id,
        program.program.name,
        program.program.type,
        adopter.entity.id,
        adopter.entity.name,
        adopter.entity.type,
        adopter.first.relation.type,
        adopter.firstReported,
        adopter.firstReported ? 'no' : 'yes',
        adopter.firstReported && program.firstReported ? dayNumber(adopter.firstReported) - dayNumber(program.firstReported) : null,
        adopter.designation,
        place.code,
        place.source === 'LOCATED_IN' ? `LOCATED_IN ${place.via?.name ?? ''}` : place.source,
        place.township?.name ?? null,
        place.county?.name ?? null,
        place.city?.name ?? null,
        placement.tray ? `not placed (${placement.tray})` : placement.exact ? 'exact' : 'approximate',
        evidence?.text ?? null,
        evidence?.documentId ?? null,
        evidence?.document.title ?? null,
        evidence?.document.date ?? null,
      ]);
    }
  }
  return BOM + [CSV_COLUMNS as readonly string[], ...rows].map((row) => row.map((cell) => csvField(cell)).join(',')).join('\r\n') + '\r\n';
}
