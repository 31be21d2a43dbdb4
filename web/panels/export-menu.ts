// The export and share menu: a title and whether to draw the whole graph or the view, then PNG
// (twice the resolution) and SVG framed for publication, the evidence table (CSV, Markdown),
// GraphML with the sentences, JSON and CSV of what the canvas shows, and the link that restores it.
import { onLanguageChange, t, type MessageKey } from '../i18n/index.ts';
import { h } from './dom.ts';
import { saveFile } from '../export/index.ts';
import type { ExportActions } from './export-actions.ts';

export function createExportMenu(actions: ExportActions, onError: (error: Error) => void): HTMLElement {
  const summary = h('summary', { attrs: { id: 'export-toggle' } });
  const titleInput = h('input', { attrs: { id: 'export-title', type: 'text', maxlength: 120 } });
  const titleLabel = h('label', { attrs: { for: 'export-title' } });
  const full = h('input', { attrs: { id: 'export-full', type: 'checkbox' } });
  const fullLabel = h('label', { class: 'check', attrs: { for: 'export-full' } }, [full, h('span')]);
  const list = h('ul', { class: 'menu', attrs: { role: 'menu' } });
  const status = h('span', { class: 'visually-hidden', attrs: { 'aria-live': 'polite', id: 'export-status' } });
  const form = h('div', { class: 'export-form' }, [titleLabel, titleInput, fullLabel]);
  const root = h('details', { class: 'export-menu', attrs: { id: 'export-menu' } }, [
    summary,
    h('div', { class: 'menu-body' }, [form, list]),
    status,
  ]);
  const stamp = () => new Date().toISOString().slice(0, 10);
  const picture = () => ({ title: titleInput.value, full: full.checked });
  const items: Array<{ key: MessageKey; format: string; run: () => Promise<void> | void }> = [
    { key: 'export.png', format: 'png', run: async () => saveFile(await actions.png(picture()), `policy-graph-${stamp()}.png`) },
    {
      key: 'export.svg',
      format: 'svg',
      run: async () => saveFile(await actions.svg(picture()), `policy-graph-${stamp()}.svg`, 'image/svg+xml'),
    },
    {
      key: 'export.evidenceCsv',
      format: 'evidence-csv',
      run: async () => saveFile(await actions.evidenceCsv(), `policy-graph-${stamp()}-evidence.csv`, 'text/csv'),
    },
    {
      key: 'export.evidenceMd',
      format: 'evidence-md',
      run: async () => saveFile(await actions.evidenceMarkdown(picture()), `policy-graph-${stamp()}-evidence.md`, 'text/markdown'),
    },
    {
      key: 'export.graphml',
      format: 'graphml',
      run: async () => saveFile(await actions.graphml(), `policy-graph-${stamp()}.graphml`, 'application/graphml+xml'),
    },
    { key: 'export.json', format: 'json', run: () => saveFile(actions.json(), `policy-graph-${stamp()}.json`, 'application/json') },
    { key: 'export.csv', format: 'csv', run: () => saveFile(actions.csv(), `policy-graph-${stamp()}-entities.csv`, 'text/csv') },
    {
      key: 'export.link',
      format: 'link',
      run: async () => {
        await navigator.clipboard?.writeText(actions.link()).catch(() => undefined);
        status.textContent = t('export.copied');
      },
    },
  ];
  const buttons = items.map((item) => {
    const element = h('button', { attrs: { type: 'button', role: 'menuitem', 'data-format': item.format } });
    element.addEventListener('click', () => {
      element.disabled = true;
      status.textContent = t('loading');
      void Promise.resolve(item.run())
        .then(() => {
          if (item.format !== 'link') status.textContent = t('export.done');
          root.open = false;
        })
        .catch((error: Error) => onError(error))
        .finally(() => {
          element.disabled = false;
        });
    });
    list.append(h('li', { attrs: { role: 'none' } }, [element]));
    return { element, item };
  });
  root.addEventListener('toggle', () => {
    if (root.open && !titleInput.value) titleInput.value = actions.defaultTitle();
  });
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      root.open = false;
      summary.focus();
    }
  });
  const relabel = () => {
    summary.textContent = t('export.title');
    titleLabel.textContent = t('export.pictureTitle');
    fullLabel.querySelector('span')!.textContent = t('export.full');
    for (const { element, item } of buttons) element.textContent = t(item.key);
  };
  onLanguageChange(relabel);
  relabel();
  return root;
}
