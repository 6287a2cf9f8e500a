// What the clearance use cases share: the one answer for a clearance or report one may not
// read (the report's is the report area's own).

import { UseCaseError } from '../app-context.ts';

/** Does not exist, or the reader may not read it: the same answer, so that it does not leak. */
export const clearanceNotFound = () =>
  new UseCaseError('CLEARANCE_NOT_FOUND', '澄清正名记录不存在');

export { reportNotFound } from '../report/report-context.ts';
