/**
 * The slice of Lighthouse's API that scripts/commands/bench.ts uses, for `npm run typecheck` on
 * a clone where the bench's own packages are not installed (`npm run bench` installs them
 * into scripts/bench/node_modules). Once they are, tsconfig.json's `paths` picks the real types
 * first, so these never hide a mismatch on a machine that runs the bench.
 */
type Result = {
  lhr: {
    categories: Record<string, { score: number | null } | undefined>;
    audits: Record<string, { numericValue?: number; details?: unknown } | undefined>;
  };
};

export default function lighthouse(
  url: string,
  flags: { port: number; output: "json"; logLevel: "error" },
  config?: object,
): Promise<Result | undefined>;

export const desktopConfig: object;
