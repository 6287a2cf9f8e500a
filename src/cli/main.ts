// `rongcuo` command line: picks the command and hands it the rest of the arguments.
// Each command lives in its own file: parse -> call the core -> print.

import type { CliIO } from './cli-io.ts';
import { operatorMessage, StoreError } from '../store/store-error.ts';
import { IdentityKeyError } from '../secret-files/identity-key-ring.ts';

const HELP = `rongcuo — 行政执法尽职免责和容错纠错制度 (Rongcuo)

用法 / usage:
  rongcuo evaluate FILE|-            认定一个案件的事实 (JSON) / evaluate one input
  rongcuo evaluate --batch FILE|-    逐行认定 (JSON Lines) / one output per input line
        [--explain]                  附加说明、建议下一问题 / add explanation and next question
        [--jobs N]                   逐行认定的线程数（默认 CPU 数）/ threads for --batch (default: CPUs)
  rongcuo deadline --from YYYY-MM-DD --days N --counting calendar|working
                                     期限计算 / compute a time limit
  rongcuo policy list                已载入的制度 / policies and versions
  rongcuo policy show ID [--article N] [--version V]
                                     条文及其规则 / articles with their rules
  rongcuo policy diff A B            两个制度逐条对比 / article-by-article and rule-by-rule diff
  rongcuo policy check FILE          校验制度文件 / validate a policy file
  rongcuo policy test FILE           运行典型案例 / run a policy's golden cases
  rongcuo serve [--port N] [--workers N]
                                     启动服务（默认内置数据库 ./data，首次写入演示数据；N 个工作进程，默认处理器数）
                                     / start the server (N worker processes, default the processors)
  rongcuo demo [--reset]             写入演示数据 / load demo data (--reset wipes first)
  rongcuo document --case 案号 --kind 种类 [--out 文件] [--format docx|html]
                                     生成公文（GB/T 9704 DOCX），种类见 rongcuo document --help
                                     / an official document of a case (kinds: document --help)
  rongcuo migrate                    以所有者更新数据库结构 / migrate as the schema owner
  rongcuo audit verify               校验审计日志的 SM3 链及签名检查点 / verify the audit chain
  rongcuo audit checkpoint           立即写入 SM2 签名的审计检查点 / sign the chain's head now
  rongcuo backup --out FILE          备份数据库及审计检查点（服务运行时亦可）/ back up while running
  rongcuo backup verify FILE         校验备份文件 / check a backup without restoring it
  rongcuo restore FILE [--data-dir DIR] [--replace]
                                     恢复到空的数据库 / restore into an empty database
  rongcuo keys rotate                用新密钥重新加密举报人身份（SM4），删除旧密钥（须先停止服务）
                                     / re-seal reporters' identities under a new key (stop serve first)

DATABASE_URL=postgres://... uses a PostgreSQL server instead of the embedded one, as the
application role; DATABASE_OWNER_URL names the schema owner for migrations (README).
RONGCUO_KEY_DIR and RONGCUO_CHECKPOINT_DIR hold the audit signing key and checkpoints
(default ./data/keys and ./data/audit-checkpoints, beside the data directory).
举报人身份密钥 / reporters' identity keys: RONGCUO_KEY_DIR/reporter-identity-keys.json, or
RONGCUO_IDENTITY_KEY (64 hex digits; RONGCUO_IDENTITY_KEY_PREVIOUS while rotating), docs/security.md.
`;

type Command = (args: string[], io: CliIO) => Promise<number>;

// Each command's module is loaded only when it runs: the service's modules (over a
// thousand, through tsx) took five seconds to load before `evaluate` could start.
const COMMANDS: Record<string, () => Promise<Command>> = {
  evaluate: async () => (await import('./evaluate.command.ts')).runEvaluate,
  deadline: async () => (await import('./deadline.command.ts')).runDeadline,
  policy: async () => (await import('./policy.command.ts')).runPolicy,
  serve: async () => (await import('./serve.command.ts')).runServe,
  demo: async () => (await import('./demo.command.ts')).runDemo,
  migrate: async () => (await import('./migrate.command.ts')).runMigrate,
  audit: async () => (await import('./audit.command.ts')).runAudit,
  keys: async () => (await import('./keys.command.ts')).runKeys,
  document: async () => (await import('./document.command.ts')).runDocument,
  backup: async () => (await import('./backup.command.ts')).runBackup,
  restore: async () => (await import('./restore.command.ts')).runRestore,
};

export async function main(argv: string[], io: CliIO = process): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(HELP);
    return 0;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    io.stderr.write(`unknown command: ${name}\n\n${HELP}`);
    return 2;
  }
  try {
    const command = await load();
    return await command(rest, io);
  } catch (error) {
    // The database's refusals, and a key that cannot be had, are the operator's to act on:
    // their message, not a stack.
    if (error instanceof IdentityKeyError) {
      io.stderr.write(`${error.message}\n`);
      return 1;
    }
    if (!(error instanceof StoreError)) throw error;
    io.stderr.write(`${operatorMessage(error)}\n`);
    return 1;
  }
}
