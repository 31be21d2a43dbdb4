// Tabbed side panel (WAI-ARIA tabs: arrow keys move between tabs, one tab stop).
import { onLanguageChange, t, type MessageKey } from '../i18n/index.ts';
import { h } from './dom.ts';

export interface Tab {
  id: string;
  label: MessageKey;
  content: HTMLElement;
}

export function createTabs(tabs: Tab[]): { root: HTMLElement; show(id: string): void } {
  const list = h('div', { class: 'tablist', attrs: { role: 'tablist' } });
  const panels = h('div', { class: 'tabpanels' });
  const buttons = new Map<string, HTMLButtonElement>();
  const contents = new Map<string, HTMLElement>();
  for (const tab of tabs) {
    const button = h('button', { attrs: { type: 'button', role: 'tab', id: `tab-${tab.id}`, 'aria-controls': `tabpanel-${tab.id}` } });
    const panel = h(
      'div',
      { class: 'tabpanel', attrs: { role: 'tabpanel', id: `tabpanel-${tab.id}`, 'aria-labelledby': `tab-${tab.id}` } },
      [tab.content],
    );
    button.addEventListener('click', () => show(tab.id));
    button.addEventListener('keydown', (event) => {
      const index = tabs.findIndex((x) => x.id === tab.id);
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (!step) return;
      event.preventDefault();
      const next = tabs[(index + step + tabs.length) % tabs.length]!;
      show(next.id);
      buttons.get(next.id)?.focus();
    });
    buttons.set(tab.id, button);
    contents.set(tab.id, panel);
    list.append(button);
    panels.append(panel);
  }
  function show(id: string): void {
    for (const [key, button] of buttons) {
      const on = key === id;
      button.setAttribute('aria-selected', String(on));
      button.tabIndex = on ? 0 : -1;
      contents.get(key)!.hidden = !on;
    }
  }
  const relabel = () => {
    list.setAttribute('aria-label', t('tabs.label'));
    for (const tab of tabs) buttons.get(tab.id)!.textContent = t(tab.label);
  };
  onLanguageChange(relabel);
  relabel();
  show(tabs[0]!.id);
  return { root: h('div', { class: 'tabs-root' }, [list, panels]), show };
}
