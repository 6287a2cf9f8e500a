// For exhaustive switches over states, roles, actions and outcomes (STYLE.md, habit 5):
// a new member of a union breaks the build where it must be handled.

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${String(value)}`);
}
