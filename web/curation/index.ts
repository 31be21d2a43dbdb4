// Curation in the explorer: the corrections tab, and what it adds to the entity panel, the
// evidence panel and the reader. Nothing of it lets anyone edit until the server names the token
// in use as an editor's.
import type { Bus } from '../panels/bus.ts';
import type { Workspace } from '../panels/workspace.ts';
import { createCurationActions } from './actions.ts';
import { installEntityCuration } from './entity.ts';
import { createCurationPanel } from './panel.ts';
import { installReaderCuration } from './reader.ts';
import { installRelationCuration } from './relation.ts';

/** Installs curation; returns the corrections tab's content. */
export function installCuration(bus: Bus, workspace: Workspace): HTMLElement {
  const actions = createCurationActions(bus, workspace);
  installEntityCuration(bus, actions);
  installRelationCuration(bus, actions);
  installReaderCuration(bus, actions);
  const panel = createCurationPanel(bus, actions);
  void actions.checkCurator();
  return panel;
}
