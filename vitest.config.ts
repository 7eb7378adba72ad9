import { fileURLToPath, URL } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

/**
 * The app's unit tests that touch the DOM or browser storage. Every other `.ts` test under src/
 * tests plain functions and runs in Node: a jsdom environment costs about a second of set-up
 * per file. A new `.ts` test that needs the DOM fails with "document is not defined"; add it
 * here. (Component tests, `.tsx`, always get jsdom.)
 */
const DOM_UNIT_TESTS = [
  "src/shared/offline-storage.test.ts",
  "src/shared/data-saver.test.ts",
  "src/features/text-size/text-size-store.test.ts",
  "src/start-up/*.test.ts",
];

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) },
  },
  test: {
    // Worker threads instead of child processes: the same isolation per file, less start-up
    // work per file (no test here changes the working directory or needs its own process).
    pool: "threads",
    projects: [
      {
        extends: true,
        test: {
          name: "content",
          include: ["scripts/**/*.test.ts"],
          exclude: ["scripts/**/*.crash.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "client",
          include: ["src/**/*.test.tsx", ...DOM_UNIT_TESTS],
          environment: "jsdom",
          setupFiles: ["./src/test/setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "client-logic",
          include: ["src/**/*.test.ts"],
          exclude: DOM_UNIT_TESTS,
          environment: "node",
        },
      },
    ],
  },
});
