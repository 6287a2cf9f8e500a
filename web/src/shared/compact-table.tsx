// The small tables of the pages: compact rows, a horizontal scroll below a minimum
// width, what to say when there are no rows, and pages only where the rows are more than
// one holds. With the columns that several tables show alike.

import { Table, type TableColumnType, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { chineseDate } from './format.ts';

/** Rows are keyed by their `id` unless `rowKey` names another field. */
export function CompactTable<T extends object>({
  rows,
  empty,
  minWidth,
  pageSize,
  rowKey = 'id',
  ...table
}: Pick<TableProps<T>, 'columns' | 'loading' | 'rowKey'> & {
  rows: readonly T[];
  /** Shown instead of the rows when there are none. */
  empty: ReactNode;
  minWidth: number;
  /** Rows a page holds; without it, one page whatever the number of rows. */
  pageSize?: number;
}) {
  return (
    <Table<T>
      {...table}
      rowKey={rowKey}
      size="small"
      dataSource={rows}
      pagination={pageSize !== undefined && rows.length > pageSize ? { pageSize } : false}
      scroll={{ x: minWidth }}
      locale={{ emptyText: empty }}
    />
  );
}

/** A column of dates as 2025年3月1日; of instants with their time, given `chineseDateTime`. */
export function dateColumn<T>(
  title: string,
  dataIndex: keyof T & string,
  width: number,
  format: (value: string) => string = chineseDate,
): TableColumnType<T> {
  return { title, dataIndex, width, render: (value: string) => format(value) };
}
