// A case row as the store takes it, with nothing but what its columns require: for the
// store's own tests, which insert below the use cases.

import type { NewCase } from '../../src/store/schema.ts';

/** A submitted application by an officer of a unit, under the emergency regime. */
export function bareCase(unitId: string, officerId: string): NewCase {
  return {
    unit_id: unitId,
    officer_id: officerId,
    applicant_id: officerId,
    origin: 'application',
    policy_id: 'xilingol-emergency-2024',
    policy_version: 1,
    state: 'submitted',
    title: '行政检查中未发现隐患',
    conduct: '……',
    conduct_date: '2026-01-05',
    enforcement_action: 'inspection',
  };
}
