import { defineConfig } from "@playwright/test";

// The server under test is the debug build made by `cargo leptos build`, on its own port and
// database, started here and polled on /readyz before any test runs.
const port = Number(process.env.SOKONI_E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "./tests",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  // No retries: a journey that fails once is a bug. (The hydration timeouts once retried here
  // were pages served without their nonce policy, fixed in src/http/mod.rs.)
  retries: 0,
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-quic",
        "--no-first-run",
        "--disable-sync",
      ],
    },
  },
  projects: [
    // The seeded admin's session (two-step login), which the journeys share.
    { name: "admin-login", testMatch: /admin\.setup\.ts/ },
    { name: "hydrated", use: { javaScriptEnabled: true }, dependencies: ["admin-login"] },
    // The same journeys as plain HTML forms, before (or without) WASM.
    { name: "no-js", use: { javaScriptEnabled: false }, dependencies: ["admin-login"] },
  ],
  webServer: {
    command: "./target/debug/sokoni serve",
    cwd: "..",
    url: `${baseURL}/readyz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      DATABASE_URL: process.env.SOKONI_E2E_DATABASE_URL ?? process.env.DATABASE_URL ?? "",
      LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
      LEPTOS_SITE_ROOT: "target/site",
      SOKONI_HTTP__PUBLIC_URL: baseURL,
      SOKONI_MEDIA__DIR: "target/sokoni/e2e-media",
      // Its own development mailbox (.eml files); journeys read links from it.
      SOKONI_MAIL__DIR: "target/sokoni/e2e-mailbox",
      // Its own Daraja simulator port, so the tests run beside a demo from `npm start` (3009).
      SOKONI_MPESA__BASE_URL: `http://127.0.0.1:${port + 9}`,
      // And its own SMS simulator (3010 in development); journeys read codes from it.
      SOKONI_SMS__BASE_URL: `http://127.0.0.1:${port + 10}`,
      // Every journey registers from 127.0.0.1; the per-address sign-up limit is for the public.
      SOKONI_AUTH__MAX_SIGNUPS_PER_IP: "1000",
      RUST_LOG: "warn",
    },
  },
});
