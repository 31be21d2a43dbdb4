// The canvas's entities on the map: each placed by its own division code or the nearest coded
// district it lies in (its hierarchy), as the diffusion places implementers.
import { api } from '../api/index.ts';
import type { PlaceMark } from './draw.ts';
import type { Geography } from './geo.ts';
import { place, significant } from './placement.ts';

/** Most entities asked for at once (the API's bound on `entities`). */
const MAX_IDS = 500;

/** Marks for the entities that have a place, and how many have none. */
export async function canvasPlaces(ids: readonly string[], geo: Geography): Promise<{ places: PlaceMark[]; missing: number }> {
  const entities = ids.length ? await api.mapPlaces(ids.slice(0, MAX_IDS)).catch(() => []) : [];
  const places: PlaceMark[] = [];
  let missing = 0;
  for (const entity of entities) {
    if (!entity) continue;
    const own = significant(entity.code);
    const code = own ?? entity.hierarchy.map((d) => significant(d.code)).find((c) => c !== null) ?? null;
    const placed = place(geo, { entityId: entity.id, code, own: own !== null });
    if (!placed.at) {
      missing++;
      continue;
    }
    const [x, y] = geo.projection.project(placed.at);
    places.push({ id: entity.id, name: entity.name, type: entity.type, x, y, exact: placed.exact });
  }
  return { places, missing };
}
