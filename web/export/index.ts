// Exports of the current view: pure text formats here, images from the canvas (exportPng/exportSvg).
export { subgraphToJson, JSON_FORMAT } from './json.ts';
export { subgraphToGraphml, xmlText } from './graphml.ts';
export { subgraphToCsv, csvField, BOM } from './csv.ts';
export { saveFile } from './save-file.ts';
