// The frame of every step that takes a form: its title, the API's refusal above the
// form, and submit / cancel; submit checks the form first.

import { Form, Modal } from 'antd';
import type { ReactNode } from 'react';
import { FormError } from '@shared/form-error.tsx';

export interface ActionFormProps<T> {
  error: string | null;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (payload: T) => Promise<void>;
}

/** A step's form, and the props of its modal whose OK checks the form and submits its values. */
export function useActionForm<V, T>(
  { error, busy, onCancel }: ActionFormProps<T>,
  submit: (values: V) => Promise<void>,
) {
  const [form] = Form.useForm<V>();
  const onOk = () => void form.validateFields().then(submit);
  return { form, modal: { error, busy, onCancel, onOk } };
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
      // Below 992 px a wide form takes the window less a margin: never wider than the page.
      width={width === undefined ? undefined : { xs: 'calc(100vw - 32px)', lg: width }}
    >
      <FormError error={error} />
      {children}
    </Modal>
  );
}
