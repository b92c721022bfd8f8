// Names every failed test in the result files (VSTest .trx, vitest JSON, Playwright JSON) with the first line of its message,
// so the end of a CI log says what failed without scrolling back through it.
import { existsSync, readFileSync } from 'node:fs';

const lines = [];
const firstLine = (s) => (s || '').split('\n').map((l) => l.trim()).find((l) => l) || '';

for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) continue;
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.trx')) {
    const results = text.matchAll(/<UnitTestResult\b([^>]*)>([\s\S]*?)<\/UnitTestResult>/g);
    for (const [, attrs, body] of results) {
      if (!/outcome="(Failed|Error|Timeout|Aborted)"/.test(attrs)) continue;
      const name = (attrs.match(/testName="([^"]*)"/) || [])[1];
      const message = (body.match(/<Message>([\s\S]*?)<\/Message>/) || [])[1];
      lines.push(`${name} — ${firstLine(message).slice(0, 300)}`);
    }
    continue;
  }
  try {
    const json = JSON.parse(text);
    if (Array.isArray(json.testResults)) {
      for (const suite of json.testResults)
        for (const t of suite.assertionResults || [])
          if (t.status === 'failed') lines.push(`${t.fullName} — ${firstLine((t.failureMessages || [])[0]).slice(0, 300)}`);
    } else if (Array.isArray(json.suites)) {
      const walk = (suite, prefix) => {
        for (const spec of suite.specs || [])
          for (const test of spec.tests || [])
            if (test.status === 'unexpected') {
              const error = ((test.results || []).at(-1) || {}).error || {};
              lines.push(`${prefix}${spec.title} — ${firstLine(error.message).slice(0, 300)}`);
            }
        for (const child of suite.suites || []) walk(child, `${prefix}${child.title} › `);
      };
      for (const suite of json.suites) walk(suite, `${suite.title} › `);
    }
  } catch {
    lines.push(`${file}: unreadable`);
  }
}
if (lines.length) {
  console.log('>> failed tests');
  for (const l of lines) console.log(`FAILED ${l}`);
}
