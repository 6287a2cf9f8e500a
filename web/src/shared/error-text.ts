// The words to show for a failed request: the API's message (Chinese, by its stable
// code), or a general one for anything else.

import { ApiError } from './api-client.ts';

export function errorText(e: unknown, fallback = '操作失败，请稍后再试'): string {
  return e instanceof ApiError ? e.message : fallback;
}
