// The administration pages belong to one administrator each (三员分立); anyone else
// sees why the page is empty. The server enforces it too: this only spares a 403.

import { Alert } from 'antd';
import type { ReactNode } from 'react';
import { ROLE_LABELS, type Role } from '../../../src/domain/case/case-state.ts';
import { useSession } from '../session.tsx';

export function AdminGuard({ role, children }: { role: Role; children: ReactNode }) {
  const { hasRole } = useSession();
  if (!hasRole(role))
    return (
      <Alert
        type="error"
        showIcon
        title="无权访问"
        description={`此页面仅供${ROLE_LABELS[role]}使用。`}
        role="alert"
      />
    );
  return children;
}

export const UNIT_KIND_LABELS: Readonly<Record<string, string>> = {
  league: '盟',
  bureau: '局',
  section: '科室',
  county_bureau: '旗县局',
};

export function errorText(e: unknown): string {
  return e instanceof Error && e.message ? e.message : '操作失败，请稍后再试';
}
