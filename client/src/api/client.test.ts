import { afterEach, describe, expect, it, vi } from 'vitest';
import { postForm } from './client';
import { ApiProblem } from './problem';

describe('postForm (material uploads, catalog import)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends multipart form data with the session cookie', async () => {
    const fetch = vi.fn().mockResolvedValue(new Response(JSON.stringify({ version: 9 }), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    const result = await postForm<{ version: number }>('/api/x', { version: '8', file: new Blob(['%PDF-']) });
    expect(result.version).toBe(9);
    const [, init] = fetch.mock.calls[0];
    expect(init.credentials).toBe('same-origin');
    expect((init.body as FormData).get('version')).toBe('8');
  });

  it('turns a refusal into an ApiProblem keeping the rule IDs and row errors', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(JSON.stringify({
      status: 422, title: '业务规则校验未通过', rules: [{ ruleId: 'FIL-01', code: 'catalog.rows-invalid', message: '有2处错误' }],
      rows: [{ row: 3, field: '职业编码', message: '格式不正确' }],
    }), { status: 422 })));
    const error = await postForm('/api/occupations/import', { file: new Blob(['x']) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    expect((error as ApiProblem).rules[0].ruleId).toBe('FIL-01');
    expect((error as ApiProblem).body.rows?.[0].row).toBe(3);
  });
});
