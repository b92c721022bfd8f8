import { defineConfig } from '@playwright/test';

// Browser tests run in Debian's chromium (never a downloaded browser) against the API serving the built SPA.
// ./build.sh test starts that API with demo data and passes E2E_BASE_URL.
export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  retries: 0,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: process.env.E2E_JSON ?? 'test-results/results.json' }]],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? 'http://127.0.0.1:5080',
    locale: 'zh-CN',
    // the SPA turns antd's motion off for reduced-motion users: dialogs are ready when they appear
    reducedMotion: 'reduce',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
    screenshot: 'only-on-failure',
  },
});
