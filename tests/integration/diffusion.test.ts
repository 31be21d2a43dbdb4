// diffusion over GraphQL against the real Neo4j, loaded with the seeds and one hand-made report
// more: the seeds' most implemented program gains a village known only by its code (no LOCATED_IN
// anywhere), a company placed through LOCATED_IN, and an implementer named only in an undated
// report. Every implementer in the store must come back, counted against Cypher.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRecord, ExtractionExport } from '../../graph/index.ts';
import { startApiServer, type ApiServer } from '../support/api-server.ts';

let api: ApiServer;
let program: { id: string; name: string; type: 'Program' | 'Pilot' };
const VILLAGE = 'Village:兴隆社区#330381001001';
const COMPANY = 'Company:瓯江口测试科技有限公司';
const UNDATED = 'Organization:测试乡贤联谊会';

const rows = (cypher: string, params: Record<string, unknown> = {}) => api.store.reader.rows({ cypher, params });

/** Two reports: a dated one naming the village and the company, an undated one naming an association. */
function extraReports(longwan: { id: string; name: string }): ExtractionExport {
  const doc = (id: string, date: string | null, text: string): DocumentRecord => ({
    id,
    file: id,
    hash: `hash-${id}`,
    extractor: 'test',
    title: text.slice(0, 12),
    date,
    source: null,
    authors: [],
    script: 'simplified',
    encoding: 'utf-8',
    text,
    diagnostics: [],
  });
  const s1 = `兴隆社区推进${program.name}建设。`;
  const s2 = `瓯江口测试科技有限公司位于${longwan.name}。`;
  const s3 = `瓯江口测试科技有限公司参与${program.name}。`;
  const s4 = `测试乡贤联谊会实施${program.name}。`;
  const dated = doc('diffusion-dated.txt', '2023-06-15', s1 + s2 + s3);
  const undated = doc('diffusion-undated.txt', null, s4);
  const at = (text: string, part: string, from = 0) => text.indexOf(part, from);
  const sentence = (d: DocumentRecord, s: string) => ({ doc: d.id, start: at(d.text, s), end: at(d.text, s) + s.length, text: s });
  const mention = (d: DocumentRecord, name: string, s: string) => ({
    doc: d.id,
    start: at(d.text, name, at(d.text, s)),
    end: at(d.text, name, at(d.text, s)) + name.length,
  });
  return {
    documents: [dated, undated],
    entities: [
      { id: VILLAGE, type: 'Village', name: '兴隆社区', aliases: [], code: '330381001001', mentions: [mention(dated, '兴隆社区', s1)] },
      {
        id: COMPANY,
        type: 'Company',
        name: '瓯江口测试科技有限公司',
        aliases: [],
        mentions: [mention(dated, '瓯江口测试科技有限公司', s2)],
      },
      { id: UNDATED, type: 'Organization', name: '测试乡贤联谊会', aliases: [], mentions: [mention(undated, '测试乡贤联谊会', s4)] },
      {
        id: longwan.id,
        type: 'District',
        name: longwan.name,
        aliases: [],
        code: '330303',
        level: 'county',
        mentions: [mention(dated, longwan.name, s2)],
      },
      {
        id: program.id,
        type: program.type,
        name: program.name,
        aliases: [],
        mentions: [mention(dated, program.name, s1), mention(dated, program.name, s3), mention(undated, program.name, s4)],
      },
    ],
    relations: [
      {
        id: `IMPLEMENTS:${VILLAGE}->${program.id}`,
        source: VILLAGE,
        target: program.id,
        type: 'IMPLEMENTS',
        weight: 1,
        evidence: [sentence(dated, s1)],
      },
      {
        id: `LOCATED_IN:${COMPANY}->${longwan.id}`,
        source: COMPANY,
        target: longwan.id,
        type: 'LOCATED_IN',
        weight: 1,
        evidence: [sentence(dated, s2)],
      },
      {
        id: `IMPLEMENTS:${COMPANY}->${program.id}`,
        source: COMPANY,
        target: program.id,
        type: 'IMPLEMENTS',
        weight: 1,
        evidence: [sentence(dated, s3)],
      },
      {
        id: `IMPLEMENTS:${UNDATED}->${program.id}`,
        source: UNDATED,
        target: program.id,
        type: 'IMPLEMENTS',
        weight: 1,
        evidence: [sentence(undated, s4)],
      },
    ],
    facts: [],
  };
}

const DIFFUSION = /* GraphQL */ `
  query ($ids: [ID!]!, $level: DiffusionLevel) {
    diffusion(programIds: $ids, level: $level) {
      level
      divisionCount
      programs {
        program {
          id
          type
        }
        firstReported
        adopters {
          entity {
            id
            type
            name
            code
          }
          firstReported
          first {
            relation {
              id
              type
            }
            firstReported
            documentIds
            evidence {
              documentId
              text
              document {
                id
                date
              }
            }
          }
          place {
            code
            source
            precision
            inZhejiang
            via {
              id
            }
            city {
              code
              name
            }
            county {
              code
              name
            }
            township {
              code
              name
            }
          }
          designation
        }
        curve {
          month
          cumulative
          divisionsReached
          adopters {
            entity {
              id
            }
          }
        }
        undated {
          entity {
            id
          }
        }
        firstAdopters {
          city {
            code
          }
          firstReported
          adopters {
            entity {
              id
            }
          }
        }
        reach {
          reached
          total
          share
          undatedOnly
          notCounted
        }
        lags {
          division {
            code
            name
          }
          firstReported
          lagDays
          adopters {
            entity {
              id
            }
          }
        }
        medianLagDays
        designations {
          before
          sameDay
          after
          undated
          designatedOnly
          startedOnly
        }
      }
    }
  }
`;

async function diffusion(ids: string[], level = 'COUNTY') {
  const { body } = await api.graphql(DIFFUSION, { ids, level });
  expect(body.errors).toBeUndefined();
  return body.data.diffusion;
}

beforeAll(async () => {
  api = await startApiServer();
  // The seeds' program or pilot with the most implementers (ties: by id).
  const [top] = await rows(`
    MATCH (p:Entity)<-[:IMPLEMENTS]-(a:Entity) WHERE p:Program OR p:Pilot
    RETURN p.id AS id, p.name AS name, p.type AS type, count(DISTINCT a) AS n ORDER BY n DESC, id LIMIT 1`);
  program = { id: top!['id'] as string, name: top!['name'] as string, type: top!['type'] as 'Program' | 'Pilot' };
  const [longwan] = await rows(`MATCH (d:District {code: '330303'}) RETURN d.id AS id, d.name AS name`);
  const summary = await api.store.load(extraReports({ id: longwan!['id'] as string, name: longwan!['name'] as string }));
  expect(summary.failed).toEqual([]);
}, 300_000);
afterAll(async () => {
  await api?.close();
});

describe('diffusion', () => {
  it('returns every implementer of the program in the store, and nothing else', async () => {
    const [expected] = await rows(
      `MATCH (:Entity {id: $id})<-[:IMPLEMENTS|SELECTED_AS]-(a:Entity) RETURN count(DISTINCT a) AS n, collect(DISTINCT a.id) AS ids`,
      { id: program.id },
    );
    const [result] = (await diffusion([program.id])).programs;
    expect(result.program).toEqual({ id: program.id, type: program.type });
    expect(result.adopters).toHaveLength(expected!['n'] as number);
    expect(new Set(result.adopters.map((a: any) => a.entity.id))).toEqual(new Set(expected!['ids'] as string[]));
    // The seeds' own implementers are there, beside the three added.
    expect(expected!['n']).toBeGreaterThanOrEqual(5);
  });

  it('places a village whose county is known only from its code', async () => {
    const [paths] = await rows(`MATCH (v:Entity {id: $id}) RETURN COUNT { (v)-[:LOCATED_IN]->() } AS n`, { id: VILLAGE });
    expect(paths!['n']).toBe(0);
    const [result] = (await diffusion([program.id])).programs;
    const village = result.adopters.find((a: any) => a.entity.id === VILLAGE);
    expect(village.place).toEqual({
      code: '330381001001',
      source: 'OWN_CODE',
      precision: 'VILLAGE',
      inZhejiang: true,
      via: null,
      city: { code: '3303', name: '温州市' },
      county: { code: '330381', name: '瑞安市' },
      township: { code: '330381001', name: '安阳街道' },
    });
    expect(result.lags.map((l: any) => l.division.code)).toContain('330381');
  });

  it('places a company through the district it lies in', async () => {
    const [result] = (await diffusion([program.id])).programs;
    const company = result.adopters.find((a: any) => a.entity.id === COMPANY);
    expect(company.place).toMatchObject({ source: 'LOCATED_IN', code: '330303', precision: 'COUNTY', county: { code: '330303' } });
    expect(company.place.via.id).toMatch(/龙湾区/);
  });

  it('dates each adopter by its earliest dated report, with that report and sentence as evidence', async () => {
    const firsts = await rows(
      `MATCH (:Entity {id: $id})<-[r:IMPLEMENTS|SELECTED_AS]-(a:Entity)
       OPTIONAL MATCH (d:SourceDocument) WHERE d.id IN r.evidenceDocs AND d.date IS NOT NULL
       RETURN a.id AS id, min(d.date) AS first`,
      { id: program.id },
    );
    const [result] = (await diffusion([program.id])).programs;
    for (const row of firsts) {
      const adopter = result.adopters.find((a: any) => a.entity.id === row['id']);
      expect(adopter.firstReported).toBe(row['first'] ?? null);
      expect(adopter.first.evidence.text.length).toBeGreaterThan(0);
      expect(adopter.first.documentIds).toContain(adopter.first.evidence.documentId);
      expect(adopter.first.evidence.document.date).toBe(adopter.firstReported);
    }
  });

  it('keeps the undated implementer apart and off the curve', async () => {
    const [result] = (await diffusion([program.id])).programs;
    expect(result.undated.map((a: any) => a.entity.id)).toContain(UNDATED);
    const onCurve = result.curve.flatMap((p: any) => p.adopters.map((a: any) => a.entity.id));
    expect(onCurve).not.toContain(UNDATED);
    expect(onCurve.length + result.undated.length).toBe(result.adopters.length);
    expect(result.curve.at(-1).cumulative).toBe(onCurve.length);
    expect(result.curve.at(-1).month).toBe('2023-06');
  });

  it('counts the counties reached out of the 90, and their lags', async () => {
    const diffusionView = await diffusion([program.id]);
    expect(diffusionView.divisionCount).toBe(90);
    const [result] = diffusionView.programs;
    const counties = new Set(result.adopters.map((a: any) => a.place.county?.code).filter(Boolean));
    expect(result.reach.reached).toBe(counties.size);
    expect(result.reach.total).toBe(90);
    expect(result.reach.share).toBeCloseTo(counties.size / 90, 10);
    for (const lag of result.lags) expect(lag.lagDays).toBeGreaterThanOrEqual(0);
    expect(result.lags[0].lagDays).toBe(0);
    const byCity = await diffusion([program.id], 'CITY');
    expect(byCity.divisionCount).toBe(11);
  });

  it('compares several programs, and tells a pilot designated before or after it started', async () => {
    const [pilot] = await rows(
      `MATCH (p:Pilot)<-[:SELECTED_AS]-() RETURN p.id AS id ORDER BY COUNT { (p)<-[:SELECTED_AS]-() } DESC, id LIMIT 1`,
    );
    const view = await diffusion([program.id, pilot!['id'] as string]);
    expect(view.programs.map((p: any) => p.program.id)).toEqual([program.id, pilot!['id']]);
    const summary = view.programs[1].designations;
    const total = Object.values(summary as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(total).toBe(view.programs[1].adopters.length);
    expect(view.programs[1].adopters.every((a: any) => a.designation !== null)).toBe(true);
  });

  it('refuses what is not a program, unknown ids, and too many or too few ids', async () => {
    const code = async (variables: Record<string, unknown>) => (await api.graphql(DIFFUSION, variables)).body.errors?.[0]?.extensions?.code;
    expect(await code({ ids: ['Program:不存在的项目'] })).toBe('NOT_FOUND');
    expect(await code({ ids: [VILLAGE] })).toBe('BAD_USER_INPUT');
    expect(await code({ ids: [] })).toBe('BAD_USER_INPUT');
    expect(await code({ ids: Array.from({ length: 21 }, (_, i) => `Program:${i}`) })).toBe('BAD_USER_INPUT');
    const inline = await api.graphql(`{ diffusion(programIds: ["${program.id}"], level: VILLAGE) { level } }`);
    expect(inline.body.errors?.[0]?.message).toMatch(/VILLAGE/);
  });
});
