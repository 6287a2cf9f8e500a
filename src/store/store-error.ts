// Failures of the storage layer that a person must act on, with stable codes; the message
// is written for the operator who starts the system, in Chinese first.

export type StoreErrorCode = 'DATA_DIR_IN_USE' | 'EMBEDDED_START_FAILED';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
