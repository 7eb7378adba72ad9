/** The slice of chrome-launcher that site-bench.ts uses; see lighthouse.d.ts beside this. */
export function launch(options: {
  chromePath: string;
  chromeFlags: string[];
}): Promise<{ port: number; kill(): void }>;
