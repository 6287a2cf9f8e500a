// The streams a command talks to (`process` in real use, captured streams in tests),
// and what every command does with them: parse its line, print the contract's error,
// read a file or standard input.

import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface CliIO {
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream & { readonly isTTY?: boolean };
}

/** Prints the contract's error object and returns the contract's exit code 2. */
export function printError(io: CliIO, code: string, message: string): number {
  io.stdout.write(`${JSON.stringify({ error: { code, message } })}\n`);
  return 2;
}

/** Reads a whole file, or standard input when the name is `-`. */
export async function readInput(io: CliIO, file: string): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of io.stdin) chunks.push(Buffer.from(chunk as Buffer));
    return Buffer.concat(chunks).toString('utf8');
  }
  const { readFile } = await import('node:fs/promises');
  return readFile(file, 'utf8');
}

/**
 * The command's line parsed against its options, positionals allowed; null after telling
 * what was wrong and the usage on standard error (the command then exits 2).
 */
export function parseCommandLine<const O extends NonNullable<ParseArgsConfig['options']>>(
  io: CliIO,
  args: string[],
  options: O,
  usage: string,
) {
  try {
    return parseArgs({ args, allowPositionals: true, options });
  } catch (e) {
    io.stderr.write(`${(e as Error).message}\n${usage.trimEnd()}\n`);
    return null;
  }
}
