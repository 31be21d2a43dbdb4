// How programs and pilots spread: their adoptions read in one statement, each adopter placed by its
// own division code or the nearest coded district it lies in, each relation's first sentence, and
// the figures (./diffusion-figures.ts) per program.
import type { QueryContext } from './context.ts';
import * as cypher from './diffusion-cypher.ts';
import { computeDiffusion, type AdoptionInput } from './diffusion-figures.ts';
import { significantCode, zhejiangDivisions, type DivisionRegistry } from './divisions.ts';
import { createEntityQueries, toRelationView } from './entities.ts';
import { badInput, notFound } from './errors.ts';
import type { DiffusionLevel, DiffusionView, EntityView, RelationView } from './views.ts';

export const DIFFUSION_LEVELS: readonly DiffusionLevel[] = ['CITY', 'COUNTY', 'TOWNSHIP'];
/** Most programs compared at once. */
export const MAX_DIFFUSION_PROGRAMS = 20;

type Row = Record<string, unknown>;

export function createDiffusion(context: QueryContext, registry: () => DivisionRegistry = zhejiangDivisions) {
  const entities = createEntityQueries(context);

  /** For each entity without a code of its own, the innermost coded district it lies in (LOCATED_IN). */
  async function placedBy(ids: string[]): Promise<Map<string, EntityView>> {
    const out = new Map<string, EntityView>();
    if (ids.length === 0) return out;
    const hierarchies = await entities.hierarchy(ids);
    ids.forEach((id, i) => {
      const coded = hierarchies[i]!.find((d) => significantCode(d.code) !== null);
      if (coded) out.set(id, coded);
    });
    return out;
  }

  return {
    /** The spread of each program or pilot, in the order asked. */
    async diffusion(programIds: string[], level: DiffusionLevel): Promise<DiffusionView> {
      const ids = [...new Set(programIds)];
      if (ids.length === 0 || ids.length > MAX_DIFFUSION_PROGRAMS)
        throw badInput(`programIds must hold 1 to ${MAX_DIFFUSION_PROGRAMS} ids, got ${ids.length}`);
      if (!DIFFUSION_LEVELS.includes(level)) throw badInput(`level must be one of ${DIFFUSION_LEVELS.join(', ')}`);

      const found = new Map(
        (await context.reader.rows(cypher.programsById(ids))).map((r) => [(r['entity'] as EntityView).id, r['entity'] as EntityView]),
      );
      const missing = ids.filter((id) => !found.has(id));
      if (missing.length > 0) throw notFound(`no entity with the id ${missing.map((id) => `"${id}"`).join(', ')}`);
      const wrong = ids.filter((id) => found.get(id)!.type !== 'Program' && found.get(id)!.type !== 'Pilot');
      if (wrong.length > 0)
        throw badInput(`programIds must be programs or pilots: ${wrong.map((id) => `"${id}" is a ${found.get(id)!.type}`).join(', ')}`);

      const rows = await context.reader.rows(cypher.adoptions(ids));
      const relations = rows.map((r) => toRelationView(r['relation'] as Row));
      const uncoded = [
        ...new Set(
          rows
            .map((r) => r['entity'] as EntityView)
            .filter((e) => significantCode(e.code) === null)
            .map((e) => e.id),
        ),
      ];
      const [located, evidence] = await Promise.all([
        placedBy(uncoded),
        entities.evidence(
          relations.map((r) => r.id),
          1,
        ),
      ]);

      const byProgram = new Map<string, AdoptionInput[]>(ids.map((id) => [id, []]));
      rows.forEach((row, i) => {
        const entity = row['entity'] as EntityView;
        const relation: RelationView = relations[i]!;
        const via = located.get(entity.id) ?? null;
        byProgram.get(row['programId'] as string)!.push({
          entity,
          relation,
          firstReported: relation.firstReported,
          documentIds: [...new Set(row['documents'] as string[])],
          evidence: evidence[i]![0] ?? null,
          place: significantCode(entity.code)
            ? { code: entity.code, source: 'OWN_CODE', via: null }
            : via
              ? { code: via.code, source: 'LOCATED_IN', via }
              : { code: null, source: 'NONE', via: null },
        });
      });
      const divisions = registry();
      return {
        level,
        divisionCount: divisions.count(level),
        programs: ids.map((id) => computeDiffusion(found.get(id)!, byProgram.get(id)!, level, divisions)),
      };
    },
  };
}
