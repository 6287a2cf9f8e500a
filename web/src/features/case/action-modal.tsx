// The frame of every step that takes a form: its title, the API's refusal above the
// form, and submit / cancel.

import { Modal } from 'antd';
import type { ReactNode } from 'react';
import { FormError } from '../../shared/form-error.tsx';

export interface ActionFormProps<T> {
  error: string | null;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (payload: T) => Promise<void>;
}

export function ActionModal({
  title,
  okText,
  width,
  error,
  busy,
  onCancel,
  onOk,
  children,
}: {
  title: string;
  okText: string;
  width?: number;
  error: string | null;
  busy: boolean;
  onCancel: () => void;
  onOk: () => void;
  children: ReactNode;
}) {
  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText="取消"
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={onOk}
      width={width}
    >
      <FormError error={error} />
      {children}
    </Modal>
  );
}
