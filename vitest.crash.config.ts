import { defineConfig } from "vitest/config";

/**
 * `npm run test:crash`: the slow checks that run whole builds many times (builds killed at
 * random moments, the same site from every starting state, publishing under load). CI runs it
 * after `npm test`; one file at a time, since each one loads both cores.
 */
export default defineConfig({
  test: {
    include: ["scripts/**/*.crash.test.ts"],
    environment: "node",
    pool: "forks",
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
