import { expect, test } from '@playwright/test';
import http from 'node:http';

/**
 * What only the real server (Kestrel, the built SPA) can show: the pages work under the Content-Security-Policy, and
 * requests Kestrel itself refuses never reach a 500.
 */

interface RawAnswer { status: number; contentType: string; body: string }

function raw(baseURL: string, options: http.RequestOptions, send: (req: http.ClientRequest) => void): Promise<RawAnswer> {
  const url = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, ...options }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body }));
    });
    req.on('error', reject);
    send(req);
  });
}

test('the pages run under the Content-Security-Policy without a single violation', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  for (const path of ['/', '/sign-in', '/directory', '/notices', '/policies', '/calendar', '/swagger/index.html']) {
    const response = await page.goto(path);
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response?.headers()['x-content-type-options']).toBe('nosniff');
    await page.waitForLoadState('networkidle');
  }
  await page.goto('/sign-in');
  await page.getByLabel('用户名').fill('hefei.org');
  await page.getByLabel('密码').fill('Demo@2026pass');
  await page.getByRole('button', { name: '登录', exact: true }).last().click();
  await page.waitForLoadState('networkidle');
  expect(violations).toEqual([]);
});

test('an over-size chunked JSON body is refused with a 413 ProblemDetails, not read to the end', async ({ baseURL }) => {
  const answer = await raw(baseURL!, {
    method: 'POST', path: '/api/auth/sign-in', headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
  }, (req) => {
    const chunk = 'x'.repeat(64 * 1024);
    req.write('{"userName":"');
    for (let i = 0; i < 40; i++) req.write(chunk); // 2.5 MiB, over the 1 MiB JSON limit
    req.end('","password":"x"}');
  });
  expect(answer.status).toBe(413);
  expect(answer.contentType).toContain('application/problem+json');
  expect(JSON.parse(answer.body).code).toBe('payload-too-large');
});

test('what Kestrel refuses by itself (a huge URI or headers) is a 4xx, never a 500', async ({ baseURL }) => {
  const longUri = await raw(baseURL!, { method: 'GET', path: '/api/directory?name=' + 'a'.repeat(20_000) }, (req) => req.end());
  expect(longUri.status).toBe(414);
  const bigHeaders = await raw(baseURL!, { method: 'GET', path: '/api/policies', headers: { 'X-Filler': 'b'.repeat(40_000) } }, (req) => req.end());
  expect(bigHeaders.status).toBe(431);
});

test('a cookie-carrying write sent from another site is refused; the same request from the site itself passes', async ({ playwright, baseURL }) => {
  const context = await playwright.request.newContext({ baseURL });
  const signedIn = await context.post('/api/auth/sign-in', { data: { userName: 'hefei.org', password: 'Demo@2026pass' } });
  expect(signedIn.ok()).toBeTruthy();
  const foreign = await context.post('/api/auth/sign-out', { headers: { Origin: 'https://evil.example' } });
  expect(foreign.status()).toBe(403);
  expect((await foreign.json()).code).toBe('cross-site-request');
  const own = await context.post('/api/auth/sign-out', { headers: { Origin: new URL(baseURL!).origin } });
  expect(own.status()).toBe(204);
  await context.dispose();
});
