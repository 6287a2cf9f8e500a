// A request that met a lost database (a terminated connection, a server restarting, the
// embedded server being started again) fails with DATABASE_UNAVAILABLE, and one whose
// write a full disk refused with DATABASE_DISK_FULL: 503s whose messages are already the
// user's, which the routes map like any use case's failure.

import { StoreError } from '../../store/store-error.ts';

export function isDatabaseRefusal(error: unknown): error is StoreError {
  return (
    error instanceof StoreError &&
    (error.code === 'DATABASE_UNAVAILABLE' || error.code === 'DATABASE_DISK_FULL')
  );
}
