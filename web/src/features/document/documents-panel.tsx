// 公文: the official documents of a case, correction, warning or report (issue 12). Each
// kind whose data exists is downloadable as a GB/T 9704 DOCX or opened as a page to print
// from the browser; the others say why not yet. A document's 文号 is given the first time it
// is generated, so the list is read again after each one.

import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type {
  DocumentAvailability,
  DocumentList,
} from '../../../../src/contract/document.schemas.ts';
import { ApiError, get } from '@shared/api-client.ts';
import { errorText } from '@shared/error-text.ts';
import { CompactTable } from '@shared/compact-table.tsx';

export type DocumentOwnerPath = 'cases' | 'corrections' | 'warnings' | 'reports';

/** The file's name from the answer's content-disposition (filename*=UTF-8''…). */
function filenameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(header)?.[1];
  return encoded ? decodeURIComponent(encoded) : fallback;
}

async function download(url: string, fallback: string): Promise<void> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      error?: { code?: string; message?: string };
    } | null;
    throw new ApiError(
      response.status,
      body?.error?.code ?? `HTTP_${response.status}`,
      body?.error?.message ?? '公文未能生成',
    );
  }
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = filenameOf(response, fallback);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

export function DocumentsPanel({
  owner,
  id,
  version,
}: {
  owner: DocumentOwnerPath;
  id: string;
  /** The owner's version: a write on it may make a document available. */
  version?: number;
}) {
  const { message } = App.useApp();
  const [items, setItems] = useState<DocumentAvailability[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const base = `/api/v1/${owner}/${id}/documents`;

  const load = useCallback(async () => {
    try {
      setItems((await get<DocumentList>(base)).items);
      setLoadError(null);
    } catch (e) {
      setLoadError(errorText(e));
    }
  }, [base]);

  useEffect(() => {
    void load();
  }, [load, version]);

  // Back from the print tab, whose page gave the document its number: read the list again.
  useEffect(() => {
    const onFocus = () => void load();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [load]);

  const save = async (item: DocumentAvailability) => {
    setBusy(item.kind);
    try {
      await download(`${base}/${item.kind}`, `${item.title}.docx`);
      void message.success(`已生成${item.title}`);
      await load();
    } catch (e) {
      void message.error(`${item.title}未能生成：${errorText(e)}`);
    } finally {
      setBusy(null);
    }
  };

  if (loadError) return <Typography.Text type="danger">{loadError}</Typography.Text>;
  return (
    <CompactTable<DocumentAvailability>
      rowKey="kind"
      loading={items === null}
      rows={items ?? []}
      empty="暂无公文"
      // Below it the table scrolls: a reason or the two buttons never squeezed to a column.
      minWidth={820}
      aria-label="公文"
      columns={[
        { title: '公文', dataIndex: 'title', key: 'title', width: 210 },
        {
          title: '文号',
          key: 'number',
          width: 210,
          render: (_, item) => item.number ?? <Typography.Text type="secondary">—</Typography.Text>,
        },
        {
          title: '状态',
          key: 'available',
          render: (_, item) =>
            item.available ? (
              <Tag color="green">可生成</Tag>
            ) : (
              <Typography.Text type="secondary">{item.reason}</Typography.Text>
            ),
        },
        {
          title: '操作',
          key: 'actions',
          width: 230,
          render: (_, item) =>
            item.available && (
              <Space>
                <Button
                  size="small"
                  icon={<DownloadOutlined />}
                  loading={busy === item.kind}
                  aria-label={`下载${item.title}`}
                  onClick={() => void save(item)}
                >
                  下载 DOCX
                </Button>
                <Button
                  size="small"
                  icon={<PrinterOutlined />}
                  href={`${base}/${item.kind}?format=html`}
                  target="_blank"
                  rel="noopener"
                  aria-label={`打印${item.title}`}
                >
                  打印版
                </Button>
              </Space>
            ),
        },
      ]}
    />
  );
}
