// 公开、异议与纠错: the publications, the objections and their review, the corrections
// opened (第十六条) and the enforcement-error records a conclusion made (第十五条).

import { List, Space, Typography } from 'antd';
import { Link } from 'react-router';
import type { ReactNode } from 'react';
import type { CaseDetail } from '../../../../src/contract/case.schemas.ts';
import { chineseDate, chineseDateTime } from '@shared/format.ts';

/** A titled list, or a line saying there is nothing in it. */
function Records<T>({
  title,
  items,
  empty,
  render,
  children,
}: {
  title: string;
  items: T[];
  empty: string;
  render: (item: T) => ReactNode;
  children?: ReactNode;
}) {
  return (
    <div>
      <Typography.Title level={5}>{title}</Typography.Title>
      {children}
      {items.length === 0 ? (
        <Typography.Text type="secondary">{empty}</Typography.Text>
      ) : (
        <List
          size="small"
          bordered
          dataSource={items}
          renderItem={(item) => <List.Item>{render(item)}</List.Item>}
        />
      )}
    </div>
  );
}

export function CaseOthers({ detail }: { detail: CaseDetail }) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Records
        title="公开"
        items={detail.publications}
        empty="尚未公开"
        render={(p) => (
          <span>
            {chineseDate(p.publishedOn)} 在「{p.scope}」范围公开
            {p.periodEnd ? `，公示期至 ${chineseDate(p.periodEnd)}` : ''}{' '}
            <Link to={`/publications/${p.id}`}>查看公示</Link>
          </span>
        )}
      />
      <Records
        title="异议"
        items={detail.objections}
        empty="暂无异议"
        render={(o) => (
          <div>
            <div>
              {chineseDateTime(o.raisedAt)} 提出异议：{o.reason}
            </div>
            <Typography.Text type="secondary">
              复核期限 {chineseDate(o.due)}；{o.resultLabel}
            </Typography.Text>
          </div>
        )}
      >
        {detail.objectionDue && (
          <Typography.Paragraph>
            异议期限截至 {chineseDate(detail.objectionDue)}
          </Typography.Paragraph>
        )}
      </Records>
      <Records
        title="纠错"
        items={detail.corrections}
        empty="未启动纠错"
        render={(c) =>
          `依据${c.citation}于${chineseDate(c.openedAt)}启动纠错，状态：${c.stateLabel}`
        }
      />
      <Records
        title="执法错误记录"
        items={detail.enforcementErrorRecords}
        empty="无执法错误记录"
        render={(r) =>
          `${detail.officer.displayName || '执法人员'}：依据${r.citation}于${chineseDate(r.createdAt)}记录执法错误${
            r.revokedAt ? `（已于${chineseDate(r.revokedAt)}撤销）` : ''
          }`
        }
      />
    </Space>
  );
}
