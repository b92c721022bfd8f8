// Prints "passed failed" from Playwright's JSON report; a missing or unreadable report counts as one failure.
import { readFileSync } from 'node:fs';
try {
  const { stats } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  console.log(`${stats.expected + (stats.flaky || 0)} ${stats.unexpected}`);
} catch {
  console.log('0 1');
}
