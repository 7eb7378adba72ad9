/** The slice of chrome-launcher that scripts/commands/bench.ts uses; see lighthouse.d.ts here. */
export function launch(options: {
  chromePath: string;
  chromeFlags: string[];
}): Promise<{ port: number; kill(): void }>;
