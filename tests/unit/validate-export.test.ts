import { describe, expect, it } from 'vitest';
import { validateExport } from '../../graph/index.ts';
import { tinyExport } from '../fixtures/tiny-export.ts';

describe('export validation', () => {
  it('accepts a well-formed export', () => {
    expect(validateExport(JSON.parse(JSON.stringify(tinyExport()))).entities).toHaveLength(3);
  });

  it.each([
    ['not an object', [], '(root): must be an object'],
    ['no documents', { entities: [], relations: [] }, 'documents: must be an array'],
    [
      'an unknown entity type',
      (e: any) => {
        e.entities[1].type = 'Alien';
      },
      'entities[1].type: "Alien" is not an entity type',
    ],
    [
      'a relation to a missing entity',
      (e: any) => {
        e.relations[0].target = 'Program:无';
      },
      'relations[0].target: "Program:无" is not an entity id',
    ],
    [
      'evidence from an unknown document',
      (e: any) => {
        e.relations[1].evidence[0].doc = 'c.txt';
      },
      'relations[1].evidence[0].doc: "c.txt" is not in documents',
    ],
    [
      'a negative offset',
      (e: any) => {
        e.entities[0].mentions[0].start = -1;
      },
      'entities[0].mentions[0].start: must be a whole number ≥ 0',
    ],
    [
      'a duplicated id',
      (e: any) => {
        e.entities[2].id = e.entities[0].id;
      },
      'entities[2].id: "District:龙湾区" appears twice',
    ],
  ])('names the problem: %s', (_, change, message) => {
    const input =
      typeof change === 'function'
        ? (() => {
            const e = JSON.parse(JSON.stringify(tinyExport()));
            change(e);
            return e;
          })()
        : change;
    expect(() => validateExport(input)).toThrow(message);
  });
});
