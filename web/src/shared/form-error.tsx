// The API's refusal of a form or a step, shown above it.

import { Alert } from 'antd';

export function FormError({ error, onClose }: { error: string | null; onClose?: () => void }) {
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={error}
      role="alert"
      style={{ marginBottom: 12 }}
      closable={onClose ? { onClose } : undefined}
    />
  );
}
