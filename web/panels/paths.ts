// The path finder: two entities, the shortest paths between them highlighted on the canvas, and
// the evidence of every edge along them.
import { api, type PathView } from '../api/index.ts';
import { RELATION_LABELS } from '../canvas/style.ts';
import { language, onLanguageChange, t } from '../i18n/index.ts';
import type { Bus } from './bus.ts';
import { button, errorText, h, panel, showError } from './dom.ts';
import { createEntityPicker } from './entity-picker.ts';
import { evidenceItem } from './evidence-item.ts';
import type { Workspace } from './workspace.ts';

const MAX_HOPS = 4;

export function pathSubgraph(path: PathView) {
  return {
    nodes: path.nodes,
    edges: path.relations.map((r) => ({
      id: r.id,
      type: r.type,
      source: r.sourceId,
      target: r.targetId,
      weight: r.weight,
      directed: r.directed,
      firstReported: r.firstReported,
    })),
  };
}

export function createPaths(bus: Bus, workspace: Workspace): HTMLElement {
  const { root, body, retitle } = panel('paths', () => t('paths.title'));
  const from = createEntityPicker('path-from');
  const to = createEntityPicker('path-to');
  const find = button('', () => void run(), { class: 'primary' });
  find.id = 'path-find';
  const results = h('div', { class: 'path-results', attrs: { 'aria-live': 'polite' } });
  body.append(h('div', { class: 'path-form' }, [from.root, to.root, find]), results);
  let paths: PathView[] | null = null;

  function relabel(): void {
    retitle();
    from.relabel(t('paths.from'));
    to.relabel(t('paths.to'));
    find.textContent = t('paths.find');
    render();
  }

  function render(): void {
    results.replaceChildren();
    if (!paths) {
      results.append(h('p', { class: 'hint', text: t('paths.pick') }));
      return;
    }
    if (paths.length === 0) {
      results.append(h('p', { class: 'hint', text: t('paths.none', { hops: MAX_HOPS }) }));
      return;
    }
    const lang = language();
    paths.forEach((path, index) => {
      const names = new Map(path.nodes.map((n) => [n.id, n.name]));
      const show = () => {
        const subgraph = pathSubgraph(path);
        workspace.addSubgraph(subgraph, { highlight: { nodes: subgraph.nodes.map((n) => n.id), edges: subgraph.edges.map((e) => e.id) } });
      };
      const steps = h(
        'ol',
        { class: 'path-steps' },
        path.relations.map((relation) =>
          h('li', {}, [
            h('p', { class: 'relation-head' }, [
              h('strong', { text: names.get(relation.sourceId) ?? relation.sourceId }),
              h('span', { class: 'relation-type', text: ` ${RELATION_LABELS[relation.type][lang]} ${relation.directed ? '→' : '↔'} ` }),
              h('strong', { text: names.get(relation.targetId) ?? relation.targetId }),
              ' ',
              h('a', {
                text: t('evidence.title'),
                attrs: { href: '#' },
                on: {
                  click: (event) => {
                    event.preventDefault();
                    bus.emit('relation', { id: relation.id });
                  },
                },
              }),
            ]),
            h(
              'ul',
              { class: 'evidence-list' },
              relation.evidence.map((evidence) =>
                evidenceItem(
                  evidence,
                  bus,
                  (id) => (id === relation.sourceId ? 'hl hl-source' : id === relation.targetId ? 'hl hl-target' : 'hl'),
                  {
                    source: { id: relation.sourceId, name: names.get(relation.sourceId) ?? relation.sourceId },
                    target: { id: relation.targetId, name: names.get(relation.targetId) ?? relation.targetId },
                  },
                ),
              ),
            ),
          ]),
        ),
      );
      results.append(
        h('section', { class: 'path', attrs: { 'data-path': index } }, [
          h('h3', {}, [button(t('paths.result', { n: index + 1, length: path.length }), show, { class: 'link' })]),
          h('p', { class: 'path-chain', text: path.nodes.map((n) => n.name).join(' — ') }),
          steps,
        ]),
      );
    });
  }

  async function run(): Promise<void> {
    const a = from.value();
    const b = to.value();
    if (!a || !b) {
      paths = null;
      render();
      return;
    }
    results.replaceChildren(h('p', { class: 'hint', text: t('loading') }));
    try {
      paths = await api.paths({ from: a.id, to: b.id, maxHops: MAX_HOPS, k: 3 });
      render();
      const first = paths[0];
      if (first) {
        const subgraph = pathSubgraph(first);
        workspace.addSubgraph(subgraph, { highlight: { nodes: subgraph.nodes.map((n) => n.id), edges: subgraph.edges.map((e) => e.id) } });
      }
    } catch (error) {
      const { text, detail } = errorText(error);
      showError(results, text, detail);
    }
  }

  bus.on('pathEnd', ({ id, name, end }) => (end === 'from' ? from : to).set({ id, name }));
  bus.on('pathFind', (ends) => {
    from.set(ends.from);
    to.set(ends.to);
    void run();
  });
  onLanguageChange(relabel);
  relabel();
  return root;
}
