// 澄清正名 on an officer's 履职档案: the clearances about the officer the server lists on
// the record (`clearances`), each with its scope, ways, days and the notice; never the
// report behind it beyond its number.

import { Card, Collapse, Space, Typography } from 'antd';
import type { RecordClearance } from '../../../../src/contract/clearance.schemas.ts';
import { chineseDate } from '@shared/format.ts';
import { ClearanceStateTag } from './clearance-record.tsx';

function Heading({ c }: { c: RecordClearance }) {
  return (
    <Space wrap size={[8, 0]}>
      <ClearanceStateTag c={c} />
      <span>
        {chineseDate(c.decidedOn)}决定，在{c.scopeLabel}范围内以{c.methodLabels.join('、')}
        方式澄清正名
      </span>
      <Typography.Text type="secondary">（举报{c.reportNumber}）</Typography.Text>
    </Space>
  );
}

/** Shown only when the record lists at least one (officer-record-page.tsx). */
export function OfficerClearances({ clearances }: { clearances: readonly RecordClearance[] }) {
  return (
    <Card
      title={`澄清正名（${clearances.length} 件）`}
      size="small"
      data-testid="officer-clearances"
    >
      <Collapse
        defaultActiveKey={clearances.map((c) => c.id)}
        items={clearances.map((c) => ({
          key: c.id,
          label: <Heading c={c} />,
          children: (
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <Typography.Text>澄清的事实和结论：{c.findings}</Typography.Text>
              {c.carriedOutOn && (
                <Typography.Text type="secondary">
                  {chineseDate(c.carriedOutOn)}已澄清
                </Typography.Text>
              )}
              <Typography.Paragraph
                style={{ whiteSpace: 'pre-wrap', margin: 0, padding: 12, background: '#fafafa' }}
              >
                {c.noticeText}
              </Typography.Paragraph>
            </Space>
          ),
        }))}
      />
    </Card>
  );
}
