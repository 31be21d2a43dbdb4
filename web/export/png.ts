// The frame of ./publication.ts drawn around a PNG of the graph, on a 2D canvas in the page.
import { FRAME, frameLayout, type Publication } from './publication.ts';

/** The graph picture (drawn at `scale`) with title, legend, date and sources, as one PNG. */
export async function decoratePng(graph: Blob, publication: Publication, scale: number): Promise<Blob> {
  const image = await createImageBitmap(graph);
  const layout = frameLayout(publication, image.width / scale, image.height / scale);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(layout.width * scale);
  canvas.height = Math.round(layout.height * scale);
  const g = canvas.getContext('2d')!;
  g.scale(scale, scale);
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, layout.width, layout.height);
  g.textBaseline = 'top';
  g.fillStyle = '#1b1f24';
  g.font = `bold ${FRAME.titleSize}px ${FRAME.font}`;
  layout.title.lines.forEach((line, i) => g.fillText(line, FRAME.margin, layout.title.y + i * (FRAME.titleSize + FRAME.lineGap)));
  g.drawImage(image, layout.graph.x, layout.graph.y, layout.graph.width, layout.graph.height);
  g.font = `${FRAME.textSize}px ${FRAME.font}`;
  const s = FRAME.swatch;
  for (const item of layout.legend) {
    g.fillStyle = item.color;
    g.strokeStyle = item.shape === 'line' ? item.color : '#1b1f24';
    g.lineWidth = item.shape === 'line' ? 2 : 0.8;
    g.beginPath();
    if (item.shape === 'line') {
      g.moveTo(item.x, item.y + s / 2);
      g.lineTo(item.x + s, item.y + s / 2);
    } else if (item.shape === 'ellipse') g.arc(item.x + s / 2, item.y + s / 2, s / 2 - 0.5, 0, 2 * Math.PI);
    else g.rect(item.x, item.y, s, s);
    if (item.shape !== 'line') g.fill();
    g.stroke();
    g.fillStyle = '#1b1f24';
    g.fillText(item.label, item.x + s + 4, item.y - 1);
  }
  g.fillStyle = '#56606b';
  for (const line of layout.footer) g.fillText(line.text, FRAME.margin, line.y);
  image.close();
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG export failed'))), 'image/png'),
  );
}
