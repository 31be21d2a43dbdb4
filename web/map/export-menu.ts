// The map view's export menu: the maps as PNG or SVG (title, legend, date range, source line), the
// diffusion table as CSV, and the link that restores the view.
import { saveFile } from '../export/index.ts';
import { onLanguageChange, t, type MessageKey } from '../i18n/index.ts';
import { h } from '../panels/dom.ts';
import type { MapActions } from './actions.ts';
import { diffusionCsv, mapsToSvg, svgToPng } from './export.ts';
import type { Geography } from './geo.ts';
import type { MapPanel } from './panel.ts';
import type { MapStore } from './state.ts';

export function createMapExports(store: MapStore, actions: MapActions, geography: () => Geography, panel: MapPanel): HTMLElement {
  const summary = h('summary', { attrs: { id: 'map-export-toggle' } });
  const list = h('ul', { class: 'menu', attrs: { role: 'menu' } });
  const status = h('span', { class: 'visually-hidden', attrs: { 'aria-live': 'polite' } });
  const root = h('details', { class: 'export-menu map-export', attrs: { id: 'map-export' } }, [summary, list, status]);
  const stamp = () => new Date().toISOString().slice(0, 10);
  const fileName = (ext: string) => `policy-graph-map-${stamp()}.${ext}`;

  function svgText(): string | null {
    const data = actions.data();
    const panes = panel.panes();
    if (!data || panes.length === 0) return null;
    const s = store.get();
    const months = data.months;
    const current = s.month === null ? months.length - 1 : months.indexOf(s.month);
    const programs = data.result.programs.map((p, index) => ({ name: p.program.name, index }));
    return mapsToSvg(
      panes.map((p) => ({ svg: p.drawing.snapshot(), model: p.model, title: p.caption.textContent ?? '' })),
      {
        title: programs.map((p) => p.name).join('、'),
        colorBy: s.colorBy,
        months,
        current,
        programs,
        source: geography().source,
        date: stamp(),
      },
    );
  }

  const items: Array<{ key: MessageKey; format: string; run: () => Promise<void> | void }> = [
    {
      key: 'map.export.png',
      format: 'png',
      run: async () => {
        const text = svgText();
        if (text) saveFile(await svgToPng(text, 2), fileName('png'));
      },
    },
    {
      key: 'map.export.svg',
      format: 'svg',
      run: () => {
        const text = svgText();
        if (text) saveFile(text, fileName('svg'), 'image/svg+xml');
      },
    },
    {
      key: 'map.export.csv',
      format: 'csv',
      run: () => {
        const data = actions.data();
        if (data) saveFile(diffusionCsv(data.result, geography()), `policy-graph-diffusion-${stamp()}.csv`, 'text/csv');
      },
    },
    {
      key: 'map.export.link',
      format: 'link',
      run: async () => {
        actions.writeUrl();
        await navigator.clipboard?.writeText(location.href).catch(() => undefined);
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
    summary.textContent = t('map.export');
    for (const { element, item } of buttons) element.textContent = t(item.key);
  };
  onLanguageChange(relabel);
  relabel();
  return root;
}
