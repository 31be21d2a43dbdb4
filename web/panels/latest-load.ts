// A panel's loads, the latest winning: a slow answer to an earlier click never replaces a later one.
import { t } from '../i18n/index.ts';
import { errorText, h, showError } from './dom.ts';

/**
 * Each load shows the loading hint in `body`, then hands what `fetch` gave to `show`, unless a
 * later load (or `cancel`) came first; a failure shows its message in `body` instead.
 */
export function latestLoads<A extends unknown[], T>(
  body: HTMLElement,
  fetch: (...args: A) => Promise<T>,
  show: (value: T, ...args: A) => void,
) {
  let generation = 0;
  return {
    async load(...args: A): Promise<void> {
      const mine = ++generation;
      body.replaceChildren(h('p', { class: 'hint', text: t('loading') }));
      try {
        const value = await fetch(...args);
        if (mine === generation) show(value, ...args);
      } catch (error) {
        if (mine === generation) {
          const { text, detail } = errorText(error);
          showError(body, text, detail);
        }
      }
    },
    /** Drops the answer of the load under way. */
    cancel(): void {
      generation++;
    },
  };
}
