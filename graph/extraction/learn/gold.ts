// The annotated sets (../shared/eval): gold entities and relations per document, and how an
// extracted entity is matched to a gold one — by any shared name or alias, compared as the scorer
// compares them (simplified, without spaces, quote marks or pinyin readings).
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { EntityRecord, EntityType, TypedRelationType } from '../../model.ts';
import { toSimplified } from '../normalize/index.ts';

export interface GoldEntity {
  name: string;
  type: EntityType;
  aliases?: string[];
}

export interface GoldRelation {
  source: string;
  target: string;
  type: TypedRelationType;
}

export interface GoldDocument {
  doc: string;
  entities: GoldEntity[];
  relations: GoldRelation[];
}

/** An annotated set: its documents' folder and their gold, by document id. */
export interface GoldSet {
  name: string;
  docs: string;
  /** The folder of its gold files. */
  goldDir: string;
  gold: Map<string, GoldDocument>;
}

/** Reads a gold folder (one JSON per document, named after it). */
export function readGold(dir: string): Map<string, GoldDocument> {
  const out = new Map<string, GoldDocument>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const gold = JSON.parse(readFileSync(join(dir, file), 'utf8')) as GoldDocument;
    out.set(basename(gold.doc), gold);
  }
  return out;
}

/** The three annotated sets under `evalDir`: the seeds' gold (documents in `seedsDir`), dev2 and dev3. */
export function annotatedSets(evalDir: string, seedsDir: string): GoldSet[] {
  const set = (name: string, docs: string, goldDir: string): GoldSet => ({ name, docs, goldDir, gold: readGold(goldDir) });
  return [
    set('seeds', seedsDir, join(evalDir, 'gold')),
    set('dev2', join(evalDir, 'dev2', 'docs'), join(evalDir, 'dev2', 'gold')),
    set('dev3', join(evalDir, 'dev3', 'docs'), join(evalDir, 'dev3', 'gold')),
  ];
}

/** A name as the scorer compares it. */
export function comparable(name: string): string {
  return toSimplified(name)
    .replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+\)/gi, '')
    .replace(/[\s"“”'‘’《》「」『』〈〉]/g, '');
}

/** For one document: the gold entities each extracted entity matches (by any shared form). */
export class GoldMatcher {
  private readonly byForm = new Map<string, Set<string>>();
  private readonly relations = new Set<string>();

  constructor(gold: GoldDocument) {
    for (const e of gold.entities) {
      for (const form of [e.name, ...(e.aliases ?? [])].map(comparable)) {
        if (form) (this.byForm.get(form) ?? this.byForm.set(form, new Set()).get(form)!).add(e.name);
      }
    }
    for (const r of gold.relations) this.relations.add([r.type, r.source, r.target].join('\u0001'));
  }

  /** The gold names an extracted entity matches. */
  names(entity: Pick<EntityRecord, 'name' | 'aliases'>): string[] {
    const out = new Set<string>();
    for (const form of [entity.name, ...entity.aliases].map(comparable)) for (const name of this.byForm.get(form) ?? []) out.add(name);
    return [...out];
  }

  /** True when the gold states `type` between entities matching these names (either way for an undirected type). */
  holds(type: TypedRelationType, sources: readonly string[], targets: readonly string[]): boolean {
    for (const s of sources) {
      for (const t of targets) {
        if (this.relations.has([type, s, t].join('\u0001'))) return true;
        if (type === 'PARTNERS_WITH' && this.relations.has([type, t, s].join('\u0001'))) return true;
      }
    }
    return false;
  }

  /** True when the gold relates the two, in any type and direction (what the scorer counts as a pair). */
  pairs(sources: readonly string[], targets: readonly string[]): boolean {
    for (const key of this.relations) {
      const [, s, t] = key.split('\u0001');
      if ((sources.includes(s!) && targets.includes(t!)) || (sources.includes(t!) && targets.includes(s!))) return true;
    }
    return false;
  }
}
