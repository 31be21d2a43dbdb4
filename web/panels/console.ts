// The analysts' console: read-only Cypher (bounded by the server) and GraphQL queries; results as
// a table, downloadable as CSV, or sent to the canvas.
import { Kind, parse } from 'graphql';
import { api, send, type CypherResultView } from '../api/index.ts';
import { onLanguageChange, t } from '../i18n/index.ts';
import { button, errorText, h, showError } from './dom.ts';
import type { Workspace } from './workspace.ts';

export interface ConsoleExports {
  /** Downloads a table as CSV (the export module's writer). */
  downloadTable(fileName: string, columns: string[], rows: unknown[][]): void;
}

const SAMPLE_CYPHER = 'MATCH (d:District)-[r:IMPLEMENTS]->(p:Program)\nRETURN d, r, p\nLIMIT 25';
const SAMPLE_GRAPHQL = '{\n  stats { entities relations documents }\n}';

/** A cell as a table shows it: a node by its name, a relationship by its id, a path by its length. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object') return String(value);
  const record = value as Record<string, unknown>;
  const properties = (typeof record.properties === 'object' && record.properties !== null ? record.properties : record) as Record<
    string,
    unknown
  >;
  if (typeof properties.name === 'string') return properties.name;
  if (typeof properties.id === 'string') return properties.id;
  if (typeof properties.title === 'string') return properties.title;
  if (Array.isArray(value)) return value.map(cellText).join(', ');
  return JSON.stringify(value);
}

/** True when the text holds only queries: the console never sends a mutation. */
export function isReadOnlyGraphQL(text: string): boolean {
  try {
    return parse(text).definitions.every((d) => d.kind !== Kind.OPERATION_DEFINITION || d.operation === 'query');
  } catch {
    return true; // let the server report the syntax error
  }
}

export function createConsole(workspace: Workspace, exports: ConsoleExports): HTMLElement {
  const title = h('h2', { attrs: { id: 'console-title' } });
  const cypherTab = h('button', {
    attrs: { type: 'button', role: 'tab', id: 'console-tab-cypher', 'aria-selected': 'true', 'aria-controls': 'console-editor' },
  });
  const graphqlTab = h('button', {
    attrs: {
      type: 'button',
      role: 'tab',
      id: 'console-tab-graphql',
      'aria-selected': 'false',
      'aria-controls': 'console-editor',
      tabindex: -1,
    },
  });
  const editor = h('textarea', { attrs: { id: 'console-editor', rows: 6, spellcheck: 'false', role: 'tabpanel' } });
  const run = button('', () => void execute(), { class: 'primary' });
  run.id = 'console-run';
  const output = h('div', { class: 'console-output', attrs: { 'aria-live': 'polite' } });
  const root = h('section', { class: 'panel', attrs: { id: 'console', 'aria-labelledby': 'console-title' } }, [
    title,
    h('div', { class: 'tabs', attrs: { role: 'tablist' } }, [cypherTab, graphqlTab]),
    editor,
    h('div', { class: 'actions' }, [run]),
    output,
  ]);
  let mode: 'cypher' | 'graphql' = 'cypher';
  const texts = { cypher: SAMPLE_CYPHER, graphql: SAMPLE_GRAPHQL };
  editor.value = texts.cypher;

  function switchTo(next: 'cypher' | 'graphql'): void {
    texts[mode] = editor.value;
    mode = next;
    editor.value = texts[mode];
    cypherTab.setAttribute('aria-selected', String(mode === 'cypher'));
    graphqlTab.setAttribute('aria-selected', String(mode === 'graphql'));
    cypherTab.tabIndex = mode === 'cypher' ? 0 : -1;
    graphqlTab.tabIndex = mode === 'graphql' ? 0 : -1;
    editor.setAttribute('aria-labelledby', mode === 'cypher' ? cypherTab.id : graphqlTab.id);
    output.replaceChildren();
  }
  cypherTab.addEventListener('click', () => switchTo('cypher'));
  graphqlTab.addEventListener('click', () => switchTo('graphql'));
  for (const tab of [cypherTab, graphqlTab]) {
    tab.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
      const next = mode === 'cypher' ? 'graphql' : 'cypher';
      switchTo(next);
      (next === 'cypher' ? cypherTab : graphqlTab).focus();
    });
  }
  editor.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void execute();
    }
  });

  function table(result: CypherResultView): HTMLElement {
    return h('div', { class: 'table-wrap' }, [
      h('table', {}, [
        h('thead', {}, [
          h(
            'tr',
            {},
            result.columns.map((c) => h('th', { text: c, attrs: { scope: 'col' } })),
          ),
        ]),
        h(
          'tbody',
          {},
          result.rows.map((row) =>
            h(
              'tr',
              {},
              row.map((cell) => h('td', { text: cellText(cell) })),
            ),
          ),
        ),
      ]),
    ]);
  }

  async function execute(): Promise<void> {
    const text = editor.value;
    output.replaceChildren(h('p', { class: 'hint', text: t('loading') }));
    try {
      if (mode === 'cypher') {
        const result = await api.cypher({ query: text, maxRows: 1000 });
        const rows = result.rows.map((row) => row.map(cellText));
        output.replaceChildren(
          h('p', {
            class: 'meta',
            text: t('console.rows', { rows: result.rowCount, millis: result.millis }) + (result.truncated ? t('console.truncated') : ''),
          }),
          h(
            'div',
            { class: 'actions' },
            [
              button(t('console.csv'), () => exports.downloadTable('query.csv', result.columns, rows)),
              result.nodes.length
                ? button(t('console.toCanvas'), () => workspace.addSubgraph({ nodes: result.nodes, edges: result.edges }))
                : null,
            ].filter((b): b is HTMLButtonElement => b !== null),
          ),
          table(result),
        );
      } else {
        if (!isReadOnlyGraphQL(text)) {
          showError(output, t('console.readOnly'));
          return;
        }
        const body = await send<unknown>(text);
        output.replaceChildren(h('pre', { class: 'json', text: JSON.stringify(body, null, 2) }));
      }
    } catch (error) {
      // Analysts read the server's own words too: they say what in the query is wrong.
      const { text, detail } = errorText(error);
      showError(output, `${text} ${detail}`, detail);
    }
  }

  const relabel = () => {
    title.textContent = t('console.title');
    cypherTab.textContent = t('console.cypher');
    graphqlTab.textContent = t('console.graphql');
    run.textContent = t('console.run');
    editor.setAttribute('aria-label', t('console.title'));
  };
  onLanguageChange(relabel);
  relabel();
  return root;
}
