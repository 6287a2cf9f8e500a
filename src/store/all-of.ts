// The queries of one read, sent together and awaited as one named record.

/** Awaits every promise of a record; the answer has the same names. */
export async function allOf<T extends Record<string, Promise<unknown>>>(
  queries: T,
): Promise<{ [K in keyof T]: Awaited<T[K]> }> {
  const names = Object.keys(queries);
  const values = await Promise.all(Object.values(queries));
  return Object.fromEntries(names.map((name, i) => [name, values[i]])) as {
    [K in keyof T]: Awaited<T[K]>;
  };
}
