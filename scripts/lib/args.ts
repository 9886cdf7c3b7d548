// The command line of the project's scripts: a mistake in it is one line naming the option and what it accepts,
// exit status 2, never a stack trace.
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake on the command line; `fail` prints it as one line. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * `parseArgs` for `command`, with two differences: a value that starts with a dash (`--regions -1`) is taken as the
 * option's value, so it can be refused for what it is rather than as "ambiguous"; and every mistake (an unknown
 * option, a missing value, an unexpected argument) is a UsageError naming it.
 */
export function commandLine<O extends Options>(options: O, args = process.argv.slice(2), allowPositionals = false) {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const name = /^--([^=]+)$/.exec(arg)?.[1];
    const next = args[i + 1];
    // A string option followed by something dash-shaped that is not itself an option: the option's value.
    if (name && options[name]?.type === 'string' && next !== undefined && next.startsWith('-') && !isOption(options, next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else joined.push(arg);
  }
  try {
    return parseArgs({ options, args: joined, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError(firstLine((error as Error).message));
  }
}

function isOption(options: Options, arg: string): boolean {
  const long = /^--([^=]+)/.exec(arg)?.[1];
  if (long) return long in options;
  const short = /^-([A-Za-z])$/.exec(arg)?.[1];
  return !!short && Object.values(options).some((o) => o.short === short);
}

/** parseArgs' message in one line; "argument missing" and "argument is ambiguous" both mean no value was given. */
function firstLine(text: string): string {
  const line = text.split('\n')[0]!.trim();
  const noValue = /^Option '(-[^' ]+)[^']*' argument (missing|is ambiguous)/.exec(line);
  return noValue ? `${noValue[1]}: needs a value` : line;
}

/**
 * A count given on the command line (`option` as the reader typed it: `--regions`, or `BENCH_RUNS=`): plain decimal digits only (no sign, no 0x, no exponent, no fraction, no
 * spaces), from `min` to `max`. `0x10` is not sixteen and `1e3` is not a thousand here: a count is typed as it reads.
 */
export function wholeNumber(option: string, text: string | undefined, min: number, max: number): number {
  const value = /^[0-9]{1,15}$/.test(text ?? '') ? Number(text) : NaN;
  if (!(value >= min && value <= max)) {
    throw new UsageError(`${option} ${JSON.stringify(text ?? '')}: expected a whole number from ${min} to ${max}, in decimal digits`);
  }
  return value;
}

/** A decimal fraction such as 0.01 or 1, in (`above`, `max`]; `0x1`, `1e-2`, `-0.1`, `.5.` are refused. */
export function decimal(option: string, text: string, above: number, max: number): number {
  const value = /^[0-9]{1,6}(\.[0-9]{1,9})?$/.test(text) ? Number(text) : NaN;
  if (!(value > above && value <= max)) {
    throw new UsageError(`${option} ${JSON.stringify(text)}: expected a decimal number above ${above} and at most ${max}`);
  }
  return value;
}

/** Runs a script's body; a UsageError becomes `command: message` on stderr and exit status 2. */
export function usageErrors<T>(command: string, body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${command}: ${error.message}`);
    process.exit(2);
  }
}
