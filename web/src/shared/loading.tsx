// Waiting and failing to load, the same on every page.

import { Alert, Button, Spin } from 'antd';
import type { ReactNode } from 'react';

/** A spinner: `page` for a whole page, otherwise inside a card. */
export function Loading({ page = false, text = '加载中…' }: { page?: boolean; text?: string }) {
  return (
    <Spin
      size={page ? 'large' : 'default'}
      description={text}
      style={{ display: 'block', margin: page ? '20vh auto' : '24px auto' }}
    />
  );
}

export function LoadFailed({
  title = '加载失败',
  message,
  onRetry,
}: {
  title?: string;
  message: string;
  onRetry?: () => void;
}) {
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title}
      description={message}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            重试
          </Button>
        ) : undefined
      }
    />
  );
}

/** Its children once `data` is there; the spinner before, the failure instead. */
export function Loaded<T>({
  data,
  error,
  failed,
  loadingText,
  page,
  children,
}: {
  data: T | null;
  error: string | null;
  /** The title of the failure, e.g. 待办加载失败. */
  failed?: string;
  loadingText?: string;
  page?: boolean;
  children: (data: T) => ReactNode;
}) {
  if (error) return <LoadFailed title={failed} message={error} />;
  if (data === null) return <Loading page={page} text={loadingText} />;
  return children(data);
}
