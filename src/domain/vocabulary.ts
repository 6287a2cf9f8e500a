// A vocabulary is a set of codes with the Chinese words people read for them, written
// once as a record: the list of codes, their type and the check of a string are all read
// off it, so a code cannot be added without its label.

/** The codes of a vocabulary, in the order the record lists them. */
export function codesOf<K extends string>(labels: Readonly<Record<K, string>>): readonly K[] {
  return Object.freeze(Object.keys(labels) as K[]);
}

/** Whether a string is one of the vocabulary's codes. */
export function isCodeOf<K extends string>(
  labels: Readonly<Record<K, string>>,
  value: string,
): value is K {
  return Object.hasOwn(labels, value);
}
