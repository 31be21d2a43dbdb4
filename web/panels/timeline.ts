// The documents' date histogram (stats.documentDates): drag across the bars, or pick the months
// with the keyboard, to keep only relations reported in that range.
import type { Stats } from '../api/index.ts';
import { onLanguageChange, t } from '../i18n/index.ts';
import { button, h } from './dom.ts';

export interface DateRange {
  from: string | null;
  to: string | null;
}

/** First and last day of a YYYY-MM range, as the filters' inclusive ISO dates. */
export function monthRange(first: string, last: string): DateRange {
  return { from: `${first}-01`, to: `${last}-31` };
}

export function createTimeline(onRange: (range: DateRange) => void): { root: HTMLElement; update(stats: Stats, range: DateRange): void } {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('class', 'histogram');
  svg.setAttribute('role', 'img');
  svg.setAttribute('preserveAspectRatio', 'none');
  const fromSelect = h('select', { attrs: { id: 'timeline-from' } });
  const toSelect = h('select', { attrs: { id: 'timeline-to' } });
  const fromLabel = h('label', { attrs: { for: 'timeline-from' }, text: '⟵' });
  const toLabel = h('label', { attrs: { for: 'timeline-to' }, text: '⟶' });
  const clear = button('×', () => onRange({ from: null, to: null }), { class: 'small' });
  const caption = h('p', { class: 'hint' });
  // The axes as text beside the bars (the bars' SVG is stretched to the panel's width).
  const peak = h('span', { class: 'axis-peak' });
  const axis = h('div', { class: 'axis', attrs: { 'aria-hidden': 'true' } });
  const root = h('div', { class: 'timeline', attrs: { id: 'timeline' } }, [
    peak,
    svg,
    axis,
    h('div', { class: 'timeline-controls' }, [fromLabel, fromSelect, toLabel, toSelect, clear]),
    caption,
  ]);
  let months: string[] = [];
  let drag: number | null = null;

  const relabel = () => {
    svg.setAttribute('aria-label', t('filters.timeline'));
    caption.textContent = t('filters.timeline.hint');
    clear.title = t('filters.timeline.clear');
    clear.setAttribute('aria-label', t('filters.timeline.clear'));
    fromSelect.setAttribute('aria-label', `${t('filters.timeline')} ⟵`);
    toSelect.setAttribute('aria-label', `${t('filters.timeline')} ⟶`);
  };

  const indexAt = (event: PointerEvent) => {
    const box = svg.getBoundingClientRect();
    return Math.max(0, Math.min(months.length - 1, Math.floor(((event.clientX - box.left) / Math.max(1, box.width)) * months.length)));
  };
  const emit = (a: number, b: number) => {
    const first = months[Math.min(a, b)];
    const last = months[Math.max(a, b)];
    if (first && last) onRange(monthRange(first, last));
  };
  svg.addEventListener('pointerdown', (event) => {
    if (!months.length) return;
    drag = indexAt(event);
    svg.setPointerCapture(event.pointerId);
    emit(drag, drag);
  });
  svg.addEventListener('pointermove', (event) => {
    if (drag !== null) emit(drag, indexAt(event));
  });
  svg.addEventListener('pointerup', () => {
    drag = null;
  });
  const fromSelects = () => {
    const a = months.indexOf(fromSelect.value);
    const b = months.indexOf(toSelect.value);
    if (a >= 0 && b >= 0) emit(a, b);
  };
  fromSelect.addEventListener('change', fromSelects);
  toSelect.addEventListener('change', fromSelects);

  function update(stats: Stats, range: DateRange): void {
    const buckets = [...stats.documentDates].sort((a, b) => a.month.localeCompare(b.month));
    months = buckets.map((b) => b.month);
    const max = Math.max(1, ...buckets.map((b) => b.count));
    svg.setAttribute('viewBox', `0 0 ${Math.max(1, buckets.length) * 10} 40`);
    svg.replaceChildren();
    buckets.forEach((bucket, index) => {
      const inRange =
        (range.from === null || `${bucket.month}-31` >= range.from) && (range.to === null || `${bucket.month}-01` <= range.to);
      const rect = document.createElementNS(ns, 'rect');
      const height = (bucket.count / max) * 36;
      rect.setAttribute('x', String(index * 10 + 1));
      rect.setAttribute('y', String(40 - height));
      rect.setAttribute('width', '8');
      rect.setAttribute('height', String(height));
      rect.setAttribute('class', inRange ? 'bar in' : 'bar');
      const title = document.createElementNS(ns, 'title');
      title.textContent = `${bucket.month}: ${bucket.count}`;
      rect.appendChild(title);
      svg.appendChild(rect);
    });
    const options = (select: HTMLSelectElement, chosen: string | undefined) => {
      select.replaceChildren(...months.map((m) => h('option', { text: m, attrs: { value: m, selected: m === chosen } })));
    };
    peak.textContent = buckets.length ? t('filters.timeline.peak', { count: max }) : '';
    const ticks = months.length > 2 ? [months[0]!, months[Math.floor((months.length - 1) / 2)]!, months.at(-1)!] : months;
    axis.replaceChildren(...ticks.map((month) => h('span', { text: month })));
    options(fromSelect, range.from?.slice(0, 7) ?? months[0]);
    options(toSelect, range.to?.slice(0, 7) ?? months[months.length - 1]);
    caption.textContent = `${t('filters.timeline.hint')} · ${t('filters.undated', { count: stats.undatedDocuments })}`;
  }

  onLanguageChange(relabel);
  relabel();
  return { root, update };
}
