// The administration pages belong to one administrator each (三员分立); anyone else
// sees why the page is empty. The server enforces it too: this only spares a 403.

import { Alert } from 'antd';
import type { ReactNode } from 'react';
import { ROLE_LABELS, type Role } from '../../../../src/contract/labels.ts';
import { useSession } from './session.tsx';

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
