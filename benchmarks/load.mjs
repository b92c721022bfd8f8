// Drives one endpoint with autocannon and prints its figures as one JSON line.
// usage: node load.mjs <baseUrl> <path> <pairs.json> <connections> <seconds>
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const [baseUrl, path, pairsFile, connections, seconds] = process.argv.slice(2);
const pairs = JSON.parse(readFileSync(pairsFile, 'utf8'));
let next = 0;

const result = await autocannon({
  url: baseUrl,
  connections: Number(connections),
  duration: Number(seconds),
  requests: [{
    method: 'GET',
    // a different certificate per request, so the figures are not one cached row's
    setupRequest: (request) => {
      const { number, name } = pairs[next++ % pairs.length];
      return { ...request, path: `${path}?number=${number}&name=${encodeURIComponent(name)}` };
    },
  }],
});

console.log(JSON.stringify({
  rps: result.requests.average,
  p50: result.latency.p50,
  p99: result.latency.p99,
  total: result.requests.total,
  non2xx: result.non2xx,
  errors: result.errors + result.timeouts,
}));
