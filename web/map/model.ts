// What the map draws, from the API's diffusion: one point per program and adopter, placed (see
// ./placement.ts), given its month on the slider's axis, and passed through the explorer's
// filters (entity types, relation types, weight, reports, dates) as the canvas applies them. Pure.
import type { DiffusionResult, MapAdopter } from '../api/index.ts';
import { edgePasses, nodePasses, type Filters } from '../state/index.ts';
import type { Geography } from './geo.ts';
import { place, type Placement, type TrayGroup } from './placement.ts';

export type ProgramDiffusion = DiffusionResult['programs'][number];

export interface MapPoint {
  /** Unique on a map: program index and entity id. */
  key: string;
  programIndex: number;
  programId: string;
  adopter: MapAdopter;
  /** Index on the month axis; -1 when undated. */
  monthIndex: number;
  x: number;
  y: number;
  exact: boolean;
  tray: TrayGroup | null;
  /** The county or city it lies in, by code. */
  within: string | null;
}

export interface TrayRow {
  group: TrayGroup;
  /** Top of the row, in map units. */
  y: number;
  count: number;
}

export interface MapModel {
  months: string[];
  points: MapPoint[];
  trays: TrayRow[];
  /** The map's height with the band of entities it cannot place. */
  height: number;
  width: number;
  /** Adopters the filters leave out. */
  filteredOut: number;
}

const TRAY_ORDER: readonly TrayGroup[] = ['province', 'outside', 'unknown'];
const TRAY_STEP = 20;
const TRAY_LEFT = 150;
/** How far overlaid programs' points are moved apart, in map units, so one place shows each. */
const OVERLAY_SPREAD = 6;

/** Whether an adopter passes the filters: its type, and any of its relations to the program. */
export function adopterPasses(adopter: MapAdopter, filters: Filters): boolean {
  if (!nodePasses(adopter.entity.type, filters)) return false;
  return [adopter.implements, adopter.selectedAs, adopter.first].some(
    (a) =>
      a !== null &&
      edgePasses({ type: a.relation.type, weight: a.relation.weight, documents: a.documentIds, firstReported: a.firstReported }, filters),
  );
}

/** The placement input of an adopter: its code, and whether the code is its own. */
export function placementOf(geo: Geography, adopter: MapAdopter): Placement {
  return place(geo, { entityId: adopter.entity.id, code: adopter.place.code, own: adopter.place.source === 'OWN_CODE' });
}

/**
 * The points of some programs (`first` is the index of programs[0] among all chosen, for its
 * colour), on a month axis shared by every map of the view.
 */
export function buildModel(
  geo: Geography,
  programs: readonly ProgramDiffusion[],
  months: readonly string[],
  filters: Filters,
  options: { first?: number; overlay?: boolean } = {},
): MapModel {
  const monthIndex = new Map(months.map((m, i) => [m, i]));
  const points: MapPoint[] = [];
  const trayPoints = new Map<TrayGroup, MapPoint[]>();
  let filteredOut = 0;
  const spread = options.overlay && programs.length > 1;
  programs.forEach((program, k) => {
    const index = (options.first ?? 0) + k;
    const angle = (2 * Math.PI * k) / programs.length;
    for (const adopter of program.adopters) {
      if (!adopterPasses(adopter, filters)) {
        filteredOut++;
        continue;
      }
      const placement = placementOf(geo, adopter);
      let x = 0;
      let y = 0;
      if (placement.at) {
        [x, y] = geo.projection.project(placement.at);
        if (spread) {
          x += OVERLAY_SPREAD * Math.cos(angle);
          y += OVERLAY_SPREAD * Math.sin(angle);
        }
      }
      const point: MapPoint = {
        key: `${index}|${adopter.entity.id}`,
        programIndex: index,
        programId: program.program.id,
        adopter,
        monthIndex: adopter.firstReported ? (monthIndex.get(adopter.firstReported.slice(0, 7)) ?? -1) : -1,
        x,
        y,
        exact: placement.exact,
        tray: placement.tray,
        within: placement.within,
      };
      points.push(point);
      if (placement.tray) (trayPoints.get(placement.tray) ?? trayPoints.set(placement.tray, []).get(placement.tray)!).push(point);
    }
  });

  // The band under the map: one row per group, points on a grid.
  const width = geo.projection.width;
  const perRow = Math.max(1, Math.floor((width - TRAY_LEFT - 12) / TRAY_STEP));
  let top = geo.projection.height + 8;
  const trays: TrayRow[] = [];
  for (const group of TRAY_ORDER) {
    const list = trayPoints.get(group);
    if (!list) continue;
    trays.push({ group, y: top, count: list.length });
    list.forEach((point, i) => {
      point.x = TRAY_LEFT + (i % perRow) * TRAY_STEP + TRAY_STEP / 2;
      point.y = top + Math.floor(i / perRow) * TRAY_STEP + TRAY_STEP / 2;
    });
    top += Math.ceil(list.length / perRow) * TRAY_STEP + 6;
  }
  return { months: [...months], points, trays, height: trays.length ? top + 4 : geo.projection.height, width, filteredOut };
}
