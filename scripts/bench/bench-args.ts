import { type ParseArgsConfig, parseArgs } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * A bench command's arguments, parsed with node:util's parseArgs (strict: an unknown option or
 * a missing value is an error). A bad argument ends the command with one line naming the
 * command and what is wrong, not a stack trace.
 */
export function benchArgs<const T extends Options>(command: string, options: T) {
  try {
    return parseArgs({ args: process.argv.slice(2), options, strict: true }).values;
  } catch (error) {
    return badArgument(command, (error as Error).message);
  }
}

/** Ends the command with one line on stderr: `npm run <command>: <what is wrong>`. */
export function badArgument(command: string, message: string): never {
  console.error(`npm run ${command}: ${message}`);
  process.exit(1);
}

/** `--name`'s whole number of at least `min`, or the fallback when it is not given. */
export function wholeNumber(
  command: string,
  name: string,
  raw: string | undefined,
  fallback: number,
  min = 1,
): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min)
    badArgument(command, `--${name} must be a whole number of at least ${min}, got "${raw}"`);
  return value;
}

/** `--name`'s comma-separated whole numbers, each at least `min`, or the fallback list. */
export function wholeNumbers(
  command: string,
  name: string,
  raw: string | undefined,
  fallback: number[],
  min = 1,
): number[] {
  if (raw === undefined) return fallback;
  const values = raw.split(",").map(Number);
  if (values.some((value) => !Number.isInteger(value) || value < min))
    badArgument(
      command,
      `--${name} must be comma-separated whole numbers of at least ${min}, got "${raw}"`,
    );
  return values;
}
