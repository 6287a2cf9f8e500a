// The determination contract (docs/spec/determination.md) as a use case: the policies
// loaded, today from the application's clock. The CLI calls `determine` with the day it
// runs; both answer alike.

import { todayInChina } from '../../domain/calendar-date.ts';
import { determine } from '../../domain/determination/determine.ts';
import type { AppContext } from '../app-context.ts';

export function evaluateFacts(ctx: AppContext, input: unknown, options: { explain: boolean }) {
  return determine(ctx.registry, input, {
    today: todayInChina(ctx.now()),
    explain: options.explain,
  });
}
