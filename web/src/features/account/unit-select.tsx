// A pick of one unit from the unit tree, searched by name.

import { TreeSelect, type TreeSelectProps } from 'antd';
import type { Unit } from '../../../../src/contract/account.schemas.ts';
import { unitTree } from './unit-tree.ts';

export function UnitSelect({ units, ...props }: { units: readonly Unit[] } & TreeSelectProps) {
  return (
    <TreeSelect
      treeData={unitTree(units)}
      treeDefaultExpandAll
      showSearch
      treeNodeFilterProp="title"
      {...props}
    />
  );
}
