// Prints "passed failed" from a VSTest .trx file's counters.
import { readFileSync } from 'node:fs';
const xml = readFileSync(process.argv[2], 'utf8');
const m = xml.match(/<Counters\b[^>]*>/);
if (!m) { console.log('0 1'); process.exit(0); }
const attr = (n) => Number((m[0].match(new RegExp(`\\b${n}="(\\d+)"`)) || [0, 0])[1]);
console.log(`${attr('passed')} ${attr('failed') + attr('error') + attr('timeout') + attr('aborted')}`);
