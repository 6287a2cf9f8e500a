// Units and users as the administration pages read them, loaded together.

import { useCallback, useEffect, useState } from 'react';
import { get } from '../api/client.ts';
import type { Unit } from '../api/types.ts';
import { errorText } from './admin-guard.tsx';

export interface AdminUser {
  id: string;
  username: string;
  display_name: string;
  unit_id: string;
  roles: string[];
  badge_number: string | null;
  disabled?: boolean;
}

export function useUnitsAndUsers(enabled: boolean) {
  const [units, setUnits] = useState<Unit[] | null>(null);
  const [users, setUsers] = useState<AdminUser[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      const [u, us] = await Promise.all([
        get<Unit[]>('/api/v1/units'),
        get<AdminUser[]>('/api/v1/users'),
      ]);
      setUnits(u);
      setUsers(us);
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, []);

  useEffect(() => {
    if (enabled) void reload();
  }, [enabled, reload]);

  return { units, users, error, reload, setUsers };
}

/** 上级 / 下级 as a tree for antd Tree and TreeSelect. */
export interface UnitNode {
  key: string;
  value: string;
  title: string;
  children: UnitNode[];
}

export function unitTree(units: Unit[], kindLabel: (kind: string) => string): UnitNode[] {
  const nodes = new Map<string, UnitNode>();
  for (const u of units)
    nodes.set(u.id, {
      key: u.id,
      value: u.id,
      title: `${u.name}（${kindLabel(u.kind)}）`,
      children: [],
    });
  const roots: UnitNode[] = [];
  for (const u of units) {
    const node = nodes.get(u.id)!;
    const parent = u.parent_id ? nodes.get(u.parent_id) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
