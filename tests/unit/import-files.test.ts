import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARRAY_DELIMITER, writeImportFiles } from '../../graph/db/store/import-files.ts';
import { tinyExport } from '../fixtures/tiny-export.ts';

const dir = mkdtempSync(join(tmpdir(), 'policy-graph-import-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const read = (name: string) => readFileSync(join(dir, `${name}.csv`), 'utf8');

describe('bulk import files', () => {
  it('write untrusted text so that the importer cannot misread it', () => {
    const data = tinyExport();
    // Quotation marks, a line break and the array delimiter itself, as hostile input might carry.
    data.entities[1]!.name = '红哨"系统"\n二期';
    data.entities[0]!.aliases = ['龙湾', `温州${ARRAY_DELIMITER}龙湾区`];
    data.relations[1]!.evidence[0]!.text = `他说"好"${ARRAY_DELIMITER}\n。`;
    const files = writeImportFiles(data, dir);

    const entities = read('Entity');
    expect(entities).toContain('"红哨""系统""\n二期"');
    // The delimiter inside a value would split it into two aliases: it is replaced, not kept.
    expect(entities).toContain(`"龙湾${ARRAY_DELIMITER}温州 龙湾区"`);
    expect(entities.split('\n')[0]).toBe(':ID(Entity),:LABEL,id,type,name,aliases:string[],code,level,officialName,confidence:double');
    // An entity without aliases gets an empty field: no property, as in the transactional path.
    expect(entities).toMatch(/"Pilot:共同富裕试点","Pilot","共同富裕试点",,,,,\n/);

    // Three entities and two documents; each relation's sentences are properties of its relationship.
    expect(files.counts).toEqual({ nodes: 3 + 2, relationships: 4 + 2, relations: 2 });
    expect(files.nodes).toEqual(expect.arrayContaining([`SourceDocument=${join(dir, 'SourceDocument.csv')}`, join(dir, 'Entity.csv')]));
    expect(files.relationships).toEqual(
      expect.arrayContaining([`IMPLEMENTS=${join(dir, 'IMPLEMENTS.csv')}`, `MENTIONED_IN=${join(dir, 'MENTIONED_IN.csv')}`]),
    );
    // Relationships point at the entities' row numbers and carry the stable id, the weight and the
    // sentences: documents, offsets and texts as parallel lists.
    expect(read('IMPLEMENTS').split('\n')[0]).toBe(
      ':START_ID(Entity),:END_ID(Entity),id,weight:long,evidenceDocs:string[],evidenceStarts:long[],evidenceEnds:long[],evidenceTexts:string[],evidenceLinks:string[],evidenceConfidences:double[],confidence:double',
    );
    expect(read('IMPLEMENTS').split('\n')[1]).toMatch(/^0,1,"IMPLEMENTS:龙湾区->红哨系统",1,"a\.txt",0,\d+,"[^"]+","[^"]*",-1,$/);
    expect(read('SELECTED_AS')).toContain('"他说""好"" \n。"');
    // A document lists the relations it states, so that replacing it finds their sentences.
    expect(read('SourceDocument')).toContain(`"IMPLEMENTS:龙湾区->红哨系统","IMPLEMENTS"`);
  });

  it('refuse a type outside the closed set rather than write it as a label', () => {
    const data = tinyExport();
    (data.entities[0] as { type: string }).type = 'District:Admin';
    expect(() => writeImportFiles(data, dir)).toThrow(/not an entity type/);
  });
});
