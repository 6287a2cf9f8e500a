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

/** What parseArgs refused, in the user's words; anything else is not a parse error. */
export function describeParseError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const detail = (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `未知参数 (unknown option): ${detail}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `多余的参数 (unexpected argument): ${detail}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `参数取值缺失或无效 (missing or invalid value): ${detail}`;
    default:
      throw error;
  }
}

/**
 * The command's line parsed against its options, positionals allowed unless `positionals`
 * is false; null after telling what was wrong and the usage on standard error (the
 * command then exits 2).
 */
export function parseCommandLine<const O extends NonNullable<ParseArgsConfig['options']>>(
  io: CliIO,
  args: string[],
  options: O,
  usage: string,
  { positionals = true }: { readonly positionals?: boolean } = {},
) {
  try {
    return parseArgs({ args, allowPositionals: positionals, options });
  } catch (e) {
    io.stderr.write(`${describeParseError(e)}\n${usage.trimEnd()}\n`);
    return null;
  }
}
