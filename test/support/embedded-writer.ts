// Child process of test/store-durability.test.ts: opens the embedded store in the
// directory given, then commits one row per transaction for ever, printing each id only
// after its COMMIT has returned, i.e. after the database acknowledged it.
//
//   node --import tsx test/support/embedded-writer.ts DATA_DIR

import { sql } from 'kysely';
import { openDatabase } from '../../src/store/database.ts';
import { EMBEDDED_APP } from '../../src/store/database-roles.ts';
import { embeddedSuperuserUrl, superuserDb } from './test-databases.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: embedded-writer.ts DATA_DIR');

const store = await openDatabase({ dataDir });
// The table is made by the superuser (the application role may not create one); the
// commits go through the application's own pool.
const admin = superuserDb(embeddedSuperuserUrl(store));
await sql`create table acknowledged (id integer primary key)`.execute(admin);
await sql`grant select, insert on acknowledged to ${sql.id(EMBEDDED_APP)}`.execute(admin);
await admin.destroy();
const { db } = store;
process.stdout.write('ready\n');
for (let id = 1; ; id++) {
  await db
    .transaction()
    .execute((trx) => sql`insert into acknowledged (id) values (${id})`.execute(trx));
  process.stdout.write(`${id}\n`);
}
