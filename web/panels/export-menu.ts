// The export and share menu: PNG at twice the resolution, SVG, JSON, GraphML and CSV of what the
// canvas shows, and the link that restores the view.
import { onLanguageChange, t, type MessageKey } from '../i18n/index.ts';
import { h } from './dom.ts';
import { saveFile } from '../export/index.ts';

export interface ExportActions {
  png(): Promise<Blob>;
  svg(): string;
  json(): string;
  graphml(): string;
  csv(): string;
  /** The address that restores the current view. */
  link(): string;
}

export function createExportMenu(actions: ExportActions): HTMLElement {
  const summary = h('summary', { attrs: { id: 'export-toggle' } });
  const list = h('ul', { class: 'menu', attrs: { role: 'menu' } });
  const status = h('span', { class: 'visually-hidden', attrs: { 'aria-live': 'polite' } });
  const root = h('details', { class: 'export-menu', attrs: { id: 'export-menu' } }, [summary, list, status]);
  const stamp = () => new Date().toISOString().slice(0, 10);
  const items: Array<{ key: MessageKey; format: string; run: () => Promise<void> | void }> = [
    { key: 'export.png', format: 'png', run: async () => saveFile(await actions.png(), `policy-graph-${stamp()}.png`) },
    { key: 'export.svg', format: 'svg', run: () => saveFile(actions.svg(), `policy-graph-${stamp()}.svg`, 'image/svg+xml') },
    { key: 'export.json', format: 'json', run: () => saveFile(actions.json(), `policy-graph-${stamp()}.json`, 'application/json') },
    {
      key: 'export.graphml',
      format: 'graphml',
      run: () => saveFile(actions.graphml(), `policy-graph-${stamp()}.graphml`, 'application/graphml+xml'),
    },
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
      void Promise.resolve(item.run()).finally(() => {
        root.open = false;
      });
    });
    list.append(h('li', { attrs: { role: 'none' } }, [element]));
    return { element, item };
  });
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      root.open = false;
      summary.focus();
    }
  });
  const relabel = () => {
    summary.textContent = t('export.title');
    for (const { element, item } of buttons) element.textContent = t(item.key);
  };
  onLanguageChange(relabel);
  relabel();
  return root;
}
