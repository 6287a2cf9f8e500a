// A request that met a lost database (a terminated connection, a server restarting, the
// embedded server being started again) fails with DATABASE_UNAVAILABLE, a 503 whose
// message is already the user's: the routes map it like any use case's failure.

import { StoreError } from '../../store/store-error.ts';

export function isDatabaseUnavailable(error: unknown): error is StoreError {
  return error instanceof StoreError && error.code === 'DATABASE_UNAVAILABLE';
}
