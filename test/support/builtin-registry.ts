// The built-in policies, loaded once per test file through the real loader.
import type { PolicyRegistry } from '../../src/domain/policy/policy-registry.ts';
import { loadRegistry } from '../../src/policy-files/load-policies.ts';

let registry: Promise<PolicyRegistry> | undefined;

export function builtinRegistry(): Promise<PolicyRegistry> {
  registry ??= loadRegistry();
  return registry;
}
