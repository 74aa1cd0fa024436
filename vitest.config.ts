import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // Tests are the server: services' `import "server-only"` resolves to nothing, as in Next's server bundles.
      "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    include: ["{lib,db,app,components,tests}/**/*.test.{ts,tsx}"],
    environment: "node",
    globalSetup: ["./tests/global-setup.ts"],
    setupFiles: ["./tests/setup.ts"],
    pool: "forks",
    // next-auth imports `next/server` without an extension, which Node's ESM loader refuses; inlined,
    // vite resolves it as Next's bundler does (needed to import route handlers, e.g. the OpenAPI test).
    server: { deps: { inline: ["next-auth"] } },
    testTimeout: 20_000,
    hookTimeout: 60_000,
    env: { NEXT_TELEMETRY_DISABLED: "1", AUTH_SECRET: "test-secret-test-secret-test-secret-0123456789" },
  },
});
