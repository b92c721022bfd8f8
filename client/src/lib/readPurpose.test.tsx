import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import createClient from 'openapi-fetch';
import {
  ReadPurposeHost, ReadPurposeIndicator, askReadPurpose, currentReadPurpose, fetchWithPurpose, readPurposeHeaders, readPurposeMiddleware,
  setReadPurpose,
} from './readPurpose';

const refusal = () => new Response(JSON.stringify({
  status: 400, title: '请说明查阅个人信息的目的', code: 'read-purpose-required', ruleId: 'AUD-04',
}), { status: 400, headers: { 'Content-Type': 'application/problem+json' } });
const json = (data: unknown) => new Response(JSON.stringify(data), { status: 200, headers: { 'Content-Type': 'application/json' } });

/** A client like the SPA's, over the stubbed global fetch. */
function client() {
  const c = createClient<Record<string, never>>({ baseUrl: 'http://localhost', fetch: (r) => globalThis.fetch(r) });
  c.use(readPurposeMiddleware);
  return c as unknown as { GET: (path: string) => Promise<{ data?: unknown; error?: unknown; response: Response }> };
}

function renderHost() {
  return render(
    <ConfigProvider button={{ autoInsertSpace: false }}>
      <AntApp>
        <ReadPurposeHost />
        <ReadPurposeIndicator />
      </AntApp>
    </ConfigProvider>,
  );
}

const headerOf = (call: unknown[], name: string) =>
  (call[0] instanceof Request ? call[0].headers.get(name) : new Headers((call[1] as RequestInit)?.headers).get(name));

describe('the purpose of reading personal data (AUD-04)', () => {
  beforeEach(() => setReadPurpose(null));
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    setReadPurpose(null);
  });
  vi.setConfig({ testTimeout: 30_000 });

  it('states nothing until a purpose is chosen, then the code, and for 其他 the note percent-encoded', () => {
    expect(readPurposeHeaders()).toEqual({});
    setReadPurpose({ code: 'review' });
    expect(readPurposeHeaders()).toEqual({ 'X-Read-Purpose': 'review' });
    setReadPurpose({ code: 'other', note: ' 核对群众来信 ' });
    expect(readPurposeHeaders()).toEqual({ 'X-Read-Purpose': 'other', 'X-Read-Purpose-Note': encodeURIComponent('核对群众来信') });
    // kept for the working session
    expect(JSON.parse(sessionStorage.getItem('assessment.readPurpose')!)).toEqual({ code: 'other', note: '核对群众来信' });
    // 其他 without what it is, or with more than 100 characters, is no purpose
    setReadPurpose({ code: 'other', note: ' ' });
    expect(currentReadPurpose()).toBeNull();
    setReadPurpose({ code: 'other', note: '字'.repeat(101) });
    expect(currentReadPurpose()).toBeNull();
  });

  it('sends the chosen purpose on every API request', async () => {
    const fetch = vi.fn().mockImplementation(() => Promise.resolve(json({ ok: true })));
    vi.stubGlobal('fetch', fetch);
    setReadPurpose({ code: 'inspection' });
    await client().GET('/api/batches');
    expect(headerOf(fetch.mock.calls[0], 'X-Read-Purpose')).toBe('inspection');
    expect(headerOf(fetch.mock.calls[0], 'X-Read-Purpose-Note')).toBeNull();
  });

  it('without anyone to ask, hands the refusal back as it came', async () => {
    vi.stubGlobal('fetch', vi.fn().mockImplementation(() => Promise.resolve(refusal())));
    const { response, error } = await client().GET('/api/certificates/c1');
    expect(response.status).toBe(400);
    expect((error as { code: string }).code).toBe('read-purpose-required');
  });

  it('asks once when the server wants a purpose, then sends the request again with it', async () => {
    const fetch = vi.fn()
      .mockImplementationOnce(() => Promise.resolve(refusal()))
      .mockImplementationOnce(() => Promise.resolve(refusal()))
      .mockImplementation(() => Promise.resolve(json({ name: '张小三' })));
    vi.stubGlobal('fetch', fetch);
    renderHost();
    // two reads refused at once: one question
    const first = client().GET('/api/certificates/c1');
    const second = client().GET('/api/certificates/c2');
    const dialog = await screen.findByRole('dialog');
    expect(screen.getAllByRole('dialog')).toHaveLength(1);
    expect(dialog.textContent).toContain('请说明查阅个人信息的目的');
    fireEvent.click(screen.getByLabelText('审核'));
    fireEvent.click(screen.getByText('确定').closest('button')!);
    const [a, b] = await Promise.all([first, second]);
    expect(a.data).toEqual({ name: '张小三' });
    expect(b.data).toEqual({ name: '张小三' });
    expect(fetch).toHaveBeenCalledTimes(4);
    expect(headerOf(fetch.mock.calls[2], 'X-Read-Purpose')).toBe('review');
    expect(currentReadPurpose()).toEqual({ code: 'review' });
    // shown in the header, with a way to change it
    expect((await screen.findByTestId('read-purpose')).textContent).toContain('查阅目的：审核');
  });

  it('requires what 其他 is (at most 100 characters) before it is taken', async () => {
    renderHost();
    let answer: Promise<unknown> = Promise.resolve();
    act(() => { answer = askReadPurpose(); });
    await screen.findByRole('dialog');
    fireEvent.click(screen.getByLabelText('其他'));
    await screen.findByLabelText('具体目的');
    fireEvent.click(screen.getByText('确定').closest('button')!);
    expect(await screen.findByText('请说明具体目的')).toBeTruthy();
    expect(currentReadPurpose()).toBeNull();
    fireEvent.change(screen.getByLabelText('具体目的'), { target: { value: '核对群众来信反映的考生信息' } });
    fireEvent.click(screen.getByText('确定').closest('button')!);
    expect(await answer).toEqual({ code: 'other', note: '核对群众来信反映的考生信息' });
    expect(readPurposeHeaders()['X-Read-Purpose-Note']).toBe(encodeURIComponent('核对群众来信反映的考生信息'));
    expect((await screen.findByTestId('read-purpose')).textContent).toContain('其他：核对群众来信反映的考生信息');
  });

  it('lets a declined question end the wait: the download gets the refusal', async () => {
    const fetch = vi.fn().mockImplementation(() => Promise.resolve(refusal()));
    vi.stubGlobal('fetch', fetch);
    renderHost();
    const download = fetchWithPurpose('/api/certificates/c1/pdf');
    await screen.findByRole('dialog');
    fireEvent.click(screen.getByText('取消').closest('button')!);
    expect((await download).status).toBe(400);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(currentReadPurpose()).toBeNull();
  });

  it('sends downloads with the purpose and asks for it when it is missing', async () => {
    const fetch = vi.fn()
      .mockImplementationOnce(() => Promise.resolve(refusal()))
      .mockImplementation(() => Promise.resolve(new Response('%PDF-', { status: 200 })));
    vi.stubGlobal('fetch', fetch);
    renderHost();
    const download = fetchWithPurpose('/api/certificates/c1/pdf', { credentials: 'same-origin' });
    await screen.findByRole('dialog');
    fireEvent.click(screen.getByLabelText('证书补正'));
    fireEvent.click(screen.getByText('确定').closest('button')!);
    expect((await download).status).toBe(200);
    expect(headerOf(fetch.mock.calls[1], 'X-Read-Purpose')).toBe('correction');
    expect((fetch.mock.calls[1][1] as RequestInit).credentials).toBe('same-origin');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
