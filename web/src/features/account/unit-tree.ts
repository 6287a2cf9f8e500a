// The unit tree (上级 / 下级) as antd Tree and TreeSelect read it.

import type { Unit } from '../../../../src/contract/account.schemas.ts';

interface UnitNode {
  key: string;
  value: string;
  title: string;
  children: UnitNode[];
}

export function unitTree(units: readonly Unit[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>();
  for (const u of units)
    nodes.set(u.id, { key: u.id, value: u.id, title: `${u.name}（${u.kindLabel}）`, children: [] });
  const roots: UnitNode[] = [];
  for (const u of units) {
    const node = nodes.get(u.id)!;
    const parent = u.parentId ? nodes.get(u.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
