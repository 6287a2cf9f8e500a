// 信访举报工作人员 (petitions, issue 11): a business role like the case roles, so that the
// 三员分立 check keeps it from any administrator. The constraint of 0001 is replaced with
// the same rule over the longer list.
//
// A migration that has run is never edited: change the schema in a new migration.

import { sql, type Kysely, type Migration, type RawBuilder } from 'kysely';

const rolesCheck = (caseRoles: RawBuilder<unknown>) => sql`alter table users
  add constraint users_roles_check check (
    roles <@ (${caseRoles} || array['sysadmin', 'secadmin', 'auditadmin'])
    and not (roles && array['sysadmin', 'secadmin', 'auditadmin'] and roles && ${caseRoles})
    and not (roles @> array['sysadmin', 'secadmin'] or roles @> array['sysadmin', 'auditadmin']
             or roles @> array['secadmin', 'auditadmin'])
  )`;

const withPetitions = sql`array['officer', 'investigator', 'secretary', 'reviewer', 'petitions']`;
const without = sql`array['officer', 'investigator', 'secretary', 'reviewer']`;

const up: readonly RawBuilder<unknown>[] = [
  sql`alter table users drop constraint users_roles_check`,
  rolesCheck(withPetitions),
];

const down: readonly RawBuilder<unknown>[] = [
  sql`alter table users drop constraint users_roles_check`,
  rolesCheck(without),
];

export const petitionsRole: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await statement.execute(db);
  },
  async down(db: Kysely<unknown>) {
    for (const statement of down) await statement.execute(db);
  },
};
