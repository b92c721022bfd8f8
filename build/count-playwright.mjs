// Prints "passed failed" from Playwright's JSON reporter output (which may follow other reporter lines).
import { readFileSync } from 'node:fs';
const text = readFileSync(process.argv[2], 'utf8');
const start = text.indexOf('{\n');
let stats;
try { stats = JSON.parse(text.slice(start)).stats; } catch { console.log('0 1'); process.exit(0); }
console.log(`${stats.expected + (stats.flaky || 0)} ${stats.unexpected}`);
