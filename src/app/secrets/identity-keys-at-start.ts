// The reporters' identity keys as a server starts: the ring of the environment or of the key
// file, created on the first start. Never created over identities already sealed: a key
// directory that is missing or misplaced (a moved data folder, a second instance on the
// same DATABASE_URL without the key) would otherwise get a new key, seal new identities
// under it, and leave every earlier one unreadable.

import {
  IdentityKeyError,
  loadIdentityKeys,
  loadOrCreateIdentityKeys,
  type IdentityKeyRing,
} from '../../secret-files/identity-key-ring.ts';
import { anySealedIdentity } from '../../store/reporter-identity.repository.ts';
import type { Conn } from '../../store/transaction.ts';

export async function identityKeysAtStart(
  db: Conn,
  keyDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<IdentityKeyRing> {
  if (!(await loadIdentityKeys(keyDir, env)) && (await anySealedIdentity(db)))
    throw new IdentityKeyError(
      `数据库中已有加密保存的举报人身份，但 ${keyDir} 中没有举报人身份密钥，也未设置 RONGCUO_IDENTITY_KEY：` +
        '请恢复密钥文件或设置该环境变量后再启动（新建密钥将使已有的举报人身份无法读取）。' +
        ` / identities are sealed in the database but there is no identity key in ${keyDir} ` +
        'nor RONGCUO_IDENTITY_KEY: restore the key before starting.',
    );
  return loadOrCreateIdentityKeys(keyDir, env);
}
