// Exports of the current view: pure text formats here, images from the canvas framed for publication.
export { subgraphToJson, JSON_FORMAT } from './json.ts';
export { subgraphToGraphml, xmlText } from './graphml.ts';
export { subgraphToCsv, csvField, BOM } from './csv.ts';
export { evidenceRows, evidenceCsv, evidenceMarkdown, readerLink, type EvidenceRow, type RelationEvidence } from './evidence-table.ts';
export { decorateSvg, frameLayout, type Publication, type LegendItem } from './publication.ts';
export { decoratePng } from './png.ts';
export { saveFile } from './save-file.ts';
