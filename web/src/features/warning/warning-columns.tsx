// The columns of a list of warnings, on the warnings page and on the workbench.

import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { WarningSummary } from '../../../../src/contract/warning.schemas.ts';
import { chineseDate } from '@shared/format.ts';
import { WarningTags } from './warning-tags.tsx';

export const WARNING_COLUMNS: TableColumnsType<WarningSummary> = [
  {
    title: '警示事项',
    dataIndex: 'title',
    render: (title: string, w) => <Link to={`/warnings/${w.id}`}>{title}</Link>,
  },
  { title: '警示规则', dataIndex: 'ruleText', width: 260 },
  {
    title: '统计期间',
    key: 'window',
    width: 230,
    render: (_: unknown, w) => `${chineseDate(w.windowFrom)}至${chineseDate(w.windowTo)}`,
  },
  {
    title: '发出日期',
    dataIndex: 'raisedAt',
    width: 130,
    render: (at: string) => chineseDate(at),
  },
  {
    title: '签收情况',
    key: 'status',
    width: 220,
    render: (_: unknown, w) => <WarningTags w={w} />,
  },
];
