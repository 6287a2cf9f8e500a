// The shapes the API returns, as the pages use them (see /api/v1/openapi.json).

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  unitId: string;
  roles: string[];
  roleLabels: string[];
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
}

export interface CaseSummary {
  id: string;
  number: string;
  state: string;
  stateLabel: string;
  title: string;
  unit_id: string;
  officer_id: string;
  origin: string;
  policy_id: string;
  created_at: string;
  version: number;
}

export interface Unit {
  id: string;
  parent_id: string | null;
  name: string;
  kind: string;
  policy_id: string | null;
}

export interface Deadline {
  kind: string;
  caseId: string;
  caseNumber?: string;
  due: string;
  status: 'due_soon' | 'overdue';
  daysLeft: number;
}
