// The first screen: over the overview graph (the most connected entities), a card that says what
// to do — search, or one of three questions that work on the loaded data: how a program spread,
// which programs a district runs, and how two districts are connected (asked only when a path
// exists). It steps aside once the user does something, and can be closed.
import { api, type Stats } from '../api/index.ts';
import { onLanguageChange, t } from '../i18n/index.ts';
import type { Bus } from './bus.ts';
import { button, h } from './dom.ts';
import type { Workspace } from './workspace.ts';

type Brief = Stats['topByDegree'][number]['entity'];

export interface Examples {
  program: Brief | null;
  district: Brief | null;
  path: { from: Brief; to: Brief } | null;
}

/** The entities the three questions are about, from the most connected ones; the path only once one is found. */
export function chooseExamples(top: readonly Brief[]): Omit<Examples, 'path'> & { pathCandidates: Array<[Brief, Brief]> } {
  const program = top.find((e) => e.type === 'Program' || e.type === 'Pilot') ?? null;
  const districts = top.filter((e) => e.type === 'District');
  const district = districts[0] ?? null;
  const pathCandidates: Array<[Brief, Brief]> = [];
  for (let i = 0; i < districts.length && pathCandidates.length < 3; i++)
    for (let j = i + 1; j < districts.length && pathCandidates.length < 3; j++) pathCandidates.push([districts[i]!, districts[j]!]);
  return { program, district, pathCandidates };
}

export function createWelcome(bus: Bus, workspace: Workspace) {
  const heading = h('h2', { attrs: { id: 'welcome-title' } });
  const intro = h('p');
  const list = h('ul', { class: 'examples', attrs: { id: 'examples' } });
  const caption = h('p', { class: 'hint' });
  const close = button('×', () => hide(), { class: 'close small' });
  const root = h('section', { class: 'welcome', attrs: { id: 'welcome', 'aria-labelledby': 'welcome-title' } }, [
    close,
    heading,
    intro,
    list,
    caption,
  ]);
  let examples: Examples = { program: null, district: null, path: null };
  let dismissed = false;

  function hide(): void {
    dismissed = true;
    root.hidden = true;
  }

  function render(): void {
    heading.textContent = t('welcome.title');
    intro.textContent = t('welcome.intro');
    caption.textContent = t('welcome.overview');
    close.title = t('close');
    close.setAttribute('aria-label', t('close'));
    const items: HTMLElement[] = [];
    const { program, district, path } = examples;
    if (program)
      items.push(
        button(t('welcome.program', { name: program.name }), () => {
          hide();
          void workspace.addEntities([program.id], { select: true }).then(async () => {
            await workspace.expand(program.id, 'IMPLEMENTS');
            bus.emit('program', { id: program.id });
          });
        }),
      );
    if (district)
      items.push(
        button(t('welcome.district', { name: district.name }), () => {
          hide();
          void workspace.addEntities([district.id], { select: true }).then(async () => {
            await workspace.expand(district.id, 'IMPLEMENTS');
            bus.emit('entity', { id: district.id });
          });
        }),
      );
    if (path)
      items.push(
        button(t('welcome.path', { from: path.from.name, to: path.to.name }), () => {
          hide();
          bus.emit('pathFind', { from: path.from, to: path.to });
        }),
      );
    list.replaceChildren(...items.map((item) => h('li', {}, [item])));
  }

  async function setStats(stats: Stats): Promise<void> {
    const chosen = chooseExamples(stats.topByDegree.map((r) => r.entity));
    examples = { program: chosen.program, district: chosen.district, path: null };
    render();
    for (const [from, to] of chosen.pathCandidates) {
      const found = await api.paths({ from: from.id, to: to.id, maxHops: 4, k: 1 }).catch(() => []);
      if (found.length > 0) {
        examples = { ...examples, path: { from, to } };
        render();
        break;
      }
    }
  }

  onLanguageChange(render);
  render();
  return {
    root,
    setStats: (stats: Stats) => void setStats(stats),
    /** The user changed the canvas: the card steps aside. */
    userActed: () => {
      if (!dismissed && !root.hidden) hide();
    },
  };
}
