// 数据备份 (/admin/backups), the system administrator's: the backups the audit log records,
// the daily one and those run at a terminal (`rongcuo backup`), newest first, and when the
// next daily one is due. Read only: backups are made and restored on the server, where the
// key directory they leave out must be kept apart (docs/operations.md).

import { Alert, Empty, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { BackupOverview, BackupRecord } from '../../../../src/contract/backup.schemas.ts';
import { chineseDateTime, fileSize } from '@shared/format.ts';
import { Loaded } from '@shared/loading.tsx';
import { useFetch } from '@shared/use-fetch.ts';

const PAGE_SIZE = 20;

/** Characters of the digest shown; the whole is copied. */
const DIGEST_SHOWN = 12;

const dash = (value: number | null, shown: (n: number) => string = String) =>
  value === null ? '—' : shown(value);

const COLUMNS: TableColumnsType<BackupRecord> = [
  { title: '时间', dataIndex: 'at', width: 170, render: (at: string) => chineseDateTime(at) },
  {
    title: '方式',
    dataIndex: 'scheduled',
    width: 60,
    render: (scheduled: boolean) => (scheduled ? '自动' : '手动'),
  },
  {
    title: '文件',
    dataIndex: 'file',
    width: 250,
    // A name of the form rongcuo-20261203-020000.rcbak, on one line.
    render: (file: string) => (
      <span translate="no" style={{ whiteSpace: 'nowrap' }}>
        {file}
      </span>
    ),
  },
  {
    title: '大小',
    dataIndex: 'bytes',
    width: 100,
    render: (b: number | null) => dash(b, fileSize),
  },
  {
    title: '行数',
    dataIndex: 'rows',
    width: 90,
    render: (rows: number | null) => dash(rows, (n) => n.toLocaleString('zh-CN')),
  },
  {
    title: '审计链位置',
    dataIndex: 'chainSeq',
    width: 110,
    render: (seq: number | null) => dash(seq, (n) => `第 ${n} 条`),
  },
  {
    title: 'SHA-256',
    dataIndex: 'sha256',
    width: 170,
    render: (sha256: string | null) =>
      sha256 === null ? (
        '—'
      ) : (
        <Typography.Text
          code
          title={sha256}
          copyable={{ text: sha256, tooltips: ['复制完整校验值', '已复制'] }}
        >
          {sha256.length > DIGEST_SHOWN ? `${sha256.slice(0, DIGEST_SHOWN)}…` : sha256}
        </Typography.Text>
      ),
  },
  {
    title: '结果',
    key: 'ok',
    render: (_: unknown, r) =>
      r.ok ? (
        <Tag color="green">成功</Tag>
      ) : (
        <Space orientation="vertical" size={2}>
          <Tag color="red">失败</Tag>
          {r.error && <Typography.Text type="danger">{r.error}</Typography.Text>}
        </Space>
      ),
  },
];

/** When and where the daily backup runs, or that none is scheduled. */
function schedule({ nextRunAt, directory, keep }: BackupOverview): string {
  if (nextRunAt === null) return '未设置自动备份。';
  const where = directory === null ? '' : `到 ${directory}`;
  const kept = keep === null ? '' : `，保留最近 ${keep} 份`;
  return `每日 02:00 自动备份${where}${kept}；下次备份时间 ${chineseDateTime(nextRunAt)}。`;
}

export default function BackupsPage() {
  const { data, error } = useFetch<BackupOverview>('/api/v1/system/backups');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        数据备份
      </Typography.Title>
      <Loaded data={data} error={error} failed="备份记录加载失败">
        {(overview) => (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {schedule(overview)}
              也可在服务器上随时手动备份；每次备份（含失败）均记入审计日志。
            </Typography.Paragraph>
            <Alert
              type="warning"
              showIcon
              title="密钥目录不在备份中，须另行保管"
              description={
                <>
                  备份文件不含密钥目录（审计签名密钥、举报人身份密钥），以免备份外泄时身份信息随之泄露。请将密钥目录单独复制，离线妥善保管，每次更换密钥后重新复制。恢复时，先停止服务，在服务器上运行{' '}
                  <Typography.Text code>rongcuo restore 文件</Typography.Text>
                  ，再放回密钥目录，然后启动服务。
                </>
              }
            />
            <Table<BackupRecord>
              aria-label="备份记录"
              size="small"
              rowKey={(r) => `${r.at} ${r.file}`}
              dataSource={overview.records}
              columns={COLUMNS}
              scroll={{ x: 1000 }}
              locale={{ emptyText: <Empty description="暂无备份记录" /> }}
              pagination={overview.records.length > PAGE_SIZE ? { pageSize: PAGE_SIZE } : false}
            />
          </Space>
        )}
      </Loaded>
    </Space>
  );
}
