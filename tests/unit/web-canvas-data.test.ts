import { describe, expect, it } from 'vitest';
import { toElements } from '../../web/canvas/elements.ts';
import { meanDirection, ringPlacement } from '../../web/canvas/layouts.ts';
import { isSoftwareRenderer } from '../../web/canvas/renderer-choice.ts';
import { ENTITY_STYLE, RELATION_LABELS, relationLabel } from '../../web/canvas/style.ts';
import { ENTITY_TYPES } from '../../web/state/vocabulary.ts';

describe('canvas data', () => {
  const subgraph = {
    nodes: [
      { id: 'District:龙湾区#330303', type: 'District' as const, name: '龙湾区', degree: 40, hiddenTotal: 12 },
      { id: 'Program:共富工坊', type: 'Program' as const, name: '共富工坊', degree: 3 },
      { id: 'Program:共富工坊', type: 'Program' as const, name: '共富工坊', degree: 3 },
    ],
    edges: [
      { id: 'e1', type: 'IMPLEMENTS' as const, source: 'District:龙湾区#330303', target: 'Program:共富工坊', weight: 2, directed: true },
      { id: 'e2', type: 'CO_MENTIONED' as const, source: 'District:龙湾区#330303', target: 'Village:下垟村', weight: 1, directed: false },
      { id: 'e3', type: 'CO_MENTIONED' as const, source: 'District:龙湾区#330303', target: 'Program:共富工坊', weight: 1, directed: false },
    ],
  };

  it('turn a subgraph into elements once each, with "N more" in the label and edges only between known nodes', () => {
    const elements = toElements(subgraph, relationLabel, 'en');
    expect(elements.map((e) => e.data.id)).toEqual(['District:龙湾区#330303', 'Program:共富工坊', 'e1', 'e3']);
    expect(elements[0]!.data).toMatchObject({ label: '龙湾区 +12', hiddenTotal: 12 });
    expect(elements[1]!.data).toMatchObject({ label: '共富工坊', hiddenTotal: 0 });
    expect((elements[0]!.data as { size: number }).size).toBeGreaterThan((elements[1]!.data as { size: number }).size);
    expect(elements[2]!.data).toMatchObject({ label: 'implements' });
    expect(elements[3]!.classes).toBe('co-mention');
  });

  it('connect new edges to nodes already on the canvas, and skip what is there', () => {
    const elements = toElements(subgraph, relationLabel, 'zh', new Set(['Village:下垟村', 'Program:共富工坊', 'e1']));
    expect(elements.map((e) => e.data.id)).toEqual(['District:龙湾区#330303', 'e2', 'e3']);
    expect(elements[1]!.data).toMatchObject({ label: '同句提及' });
  });

  it('give every entity type its own colour and its own shape, and every relation a name in both languages', () => {
    const styles = ENTITY_TYPES.map((t) => ENTITY_STYLE[t]);
    expect(new Set(styles.map((s) => s.color)).size).toBe(ENTITY_TYPES.length);
    expect(new Set(styles.map((s) => s.shape)).size).toBe(ENTITY_TYPES.length);
    for (const names of Object.values(RELATION_LABELS)) expect(names.zh && names.en).toBeTruthy();
  });

  it('fan new nodes out around the expanded one, away from its old neighbours, without stacking them', () => {
    const centre = { x: 100, y: 100 };
    const away = meanDirection(centre, [{ x: 200, y: 100 }]);
    const spots = ringPlacement(centre, 40, 45, away);
    expect(spots).toHaveLength(40);
    expect(new Set(spots.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`)).size).toBe(40);
    expect(spots[0]!.x).toBeLessThan(centre.x);
  });

  it('never treat a software rasterizer as a GPU', () => {
    expect(isSoftwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)')).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer(null)).toBe(true);
    expect(isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)')).toBe(false);
  });
});
