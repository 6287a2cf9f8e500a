// The drill's report for an operator: the figures the issue asks for, then what failed.
// Short lines, Chinese and English.

import type { DrillResult } from './drill.ts';

/** What makes the drill fail; empty when it passed. */
export function failures(r: DrillResult): string[] {
  const out: string[] = [];
  if (r.checks.missing.length > 0)
    out.push(`${r.checks.missing.length} acknowledged write(s) missing`);
  if (r.checks.unreachable.length > 0)
    out.push(
      `${r.checks.unreachable.length} case(s)/report(s) in a state their procedure cannot reach`,
    );
  if (r.checks.jobProblems.length > 0) out.push(`${r.checks.jobProblems.length} job problem(s)`);
  if (!r.auditVerify.passed) out.push('rongcuo audit verify failed');
  if (!r.recovered) out.push('the application did not come back healthy');
  const stuck = r.faults.filter((f) => f.recoveredMs === null);
  if (stuck.length > 0) out.push(`${stuck.length} fault(s) not recovered from`);
  return out;
}

function acknowledgedByKind(r: DrillResult): string {
  const n = new Map<string, number>();
  for (const w of r.ledger.acked) n.set(w.kind, (n.get(w.kind) ?? 0) + 1);
  return [...n].map(([k, v]) => `${k} ${v}`).join(', ');
}

function count(map: ReadonlyMap<string, number>): string {
  const entries = [...map].sort((a, b) => b[1] - a[1]);
  return entries.length === 0 ? '  (none)' : entries.map(([k, n]) => `  ${k}: ${n}`).join('\n');
}

export function report(r: DrillResult): string {
  const { options: o, ledger, checks } = r;
  const byKind = (kind: string) => r.faults.filter((f) => f.kind === kind).length;
  const recoveries = r.faults
    .filter((f) => f.recoveredMs !== null && f.kind !== 'terminate_connections')
    .map((f) => f.recoveredMs!);
  const maxRecovery = recoveries.length > 0 ? Math.max(...recoveries) / 1000 : 0;
  const lines = [
    `故障演练 / fault drill: ${o.seconds} s, ${o.clients} case clients + 1 report client, ` +
      `seed ${o.seed}, ${r.database} PostgreSQL, serve --workers ${o.workers}`,
  ];
  if (r.database === 'server')
    lines.push(
      '服务器模式：数据库服务器不归本演练所有，未停止服务器，只终止了应用的数据库连接 / ' +
        'server mode: the PostgreSQL server is not ours to stop (no pg_ctl stop -m immediate); ' +
        "the drill only terminated the application's connections",
    );
  lines.push(
    `写入已确认 / writes acknowledged: ${checks.acknowledged} (${acknowledgedByKind(r)})`,
    `写入已找到 / writes found:        ${checks.found}`,
    `结果未知 / write attempts of unknown outcome (no answer or 5xx; not counted as lost): ${ledger.unknownCount}` +
      ([...ledger.unknown].length > 0
        ? ` (${[...ledger.unknown].map(([k, n]) => `${k} ${n}`).join(', ')})`
        : ''),
    `重启后恢复 / restarts survived: ${r.restartsSurvived} ` +
      `(application killed ${byKind('kill_app')}` +
      (r.database === 'embedded' ? `, embedded PostgreSQL killed ${byKind('kill_database')}` : '') +
      ', ' +
      `application exited by itself ${byKind('app_exited_by_itself')}; longest recovery ${maxRecovery.toFixed(1)} s)`,
    `连接被终止 / connections terminated: ${byKind('terminate_connections')} times`,
    `读取 / reads answered: ${ledger.reads}`,
    `客户端所见错误 / errors seen by clients, by kind:`,
    count(ledger.errors),
    `HTTP 500: ${ledger.internalErrors.length === 0 ? 'none' : `${ledger.internalErrors.length} (a finding: no fault should give a 500)`}`,
    ...ledger.internalErrors.slice(0, 10).map((e) => `  ${e}`),
    `状态 / states: ${checks.casesChecked} cases opened during the drill replayed against the procedure; ` +
      `${checks.unreachable.length} unreachable`,
    `任务 / jobs: ${checks.pendingJobs} pending; ${checks.jobProblems.length} problem(s)`,
    `审计 / rongcuo audit verify: ${r.auditVerify.passed ? 'passed' : 'FAILED'}`,
    `停止 / serve on the final SIGTERM: ${
      r.finalStop === 'did not exit'
        ? 'did not exit within 60 s (a finding; killed)'
        : `exit ${r.finalStop}`
    }`,
  );
  if (r.serveLog !== null) lines.push(`服务日志 / serve's output: ${r.serveLog}`);
  const faultLines = r.faults.map(
    (f) =>
      `  ${f.at.toFixed(1).padStart(6)} s  ${f.kind.padEnd(22)} ` +
      `${f.recoveredMs === null ? 'NOT RECOVERED' : `healthy after ${(f.recoveredMs / 1000).toFixed(1)} s`}` +
      (f.detail && f.kind !== 'app_exited_by_itself' ? `  (${f.detail})` : ''),
  );
  lines.push('故障 / faults:', ...(faultLines.length > 0 ? faultLines : ['  (none)']));
  const failed = failures(r);
  for (const m of checks.missing.slice(0, 20)) lines.push(`  missing: ${m}`);
  for (const u of checks.unreachable.slice(0, 20)) lines.push(`  unreachable: ${u}`);
  for (const j of checks.jobProblems) lines.push(`  job: ${j}`);
  if (!r.auditVerify.passed) lines.push(r.auditVerify.output);
  lines.push(
    failed.length === 0
      ? '结论 / verdict: 通过 / PASSED'
      : `结论 / verdict: 未通过 / FAILED: ${failed.join('; ')}`,
  );
  return lines.join('\n');
}
