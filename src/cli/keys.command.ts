// `rongcuo keys rotate`: re-seal every reporter's identity under a new key and drop the
// old keys (src/app/secrets/rotate-identity-keys.ts), on the database `rongcuo serve`
// uses (the embedded data directory, or DATABASE_URL) and the key directory beside it.

import { rotateIdentityKeys } from '../app/secrets/rotate-identity-keys.ts';
import { auditFileLocations } from '../audit-files/audit-file-locations.ts';
import { IdentityKeyError } from '../secret-files/identity-key-ring.ts';
import { openDatabase } from '../store/database.ts';
import { parseCommandLine, type CliIO } from './cli-io.ts';

const USAGE = '用法 / usage: rongcuo keys rotate';

export async function runKeys(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandLine(io, args, {}, USAGE);
  if (!parsed) return 2;
  if (parsed.positionals.length !== 1 || parsed.positionals[0] !== 'rotate') {
    io.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const { keyDir } = auditFileLocations();
  const store = await openDatabase();
  try {
    // As `serve` does: the schema brought up to date (as the owner when it is known).
    await store.migrate();
    const outcome = await rotateIdentityKeys(store.db, keyDir, () => new Date());
    io.stdout.write(`${JSON.stringify(outcome)}\n`);
    io.stderr.write(
      `已轮换举报人身份密钥：当前密钥 ${outcome.keyId}，重新加密 ${outcome.resealed} 条，` +
        `原已在新密钥下 ${outcome.alreadyCurrent} 条` +
        (outcome.retiredKeyIds.length > 0 ? `，停用密钥 ${outcome.retiredKeyIds.join('、')}` : '') +
        (outcome.resumed ? '（续完上次中断的轮换）' : '') +
        ` / identity keys rotated: ${outcome.resealed} re-sealed under ${outcome.keyId}\n`,
    );
    if (outcome.source === 'environment')
      io.stderr.write(
        '密钥来自环境变量：请从服务的环境中删除 RONGCUO_IDENTITY_KEY_PREVIOUS / the keys come from the environment: now remove RONGCUO_IDENTITY_KEY_PREVIOUS\n',
      );
    return 0;
  } catch (error) {
    if (!(error instanceof IdentityKeyError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 1;
  } finally {
    await store.close();
  }
}
