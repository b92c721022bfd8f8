import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { Schemas } from '../../../api/client';
import { OrganizationSeal } from './OrganizationSeal';

type Organization = Schemas['Filing.OrganizationView'];

const organization: Organization = {
  id: 'o1', version: 3, name: '芜湖奇瑞职业技能评价中心', creditCode: '91340200MA2N0X0X0X', nature: 'Enterprise', category: 'Y',
  areaCode: '340200',
  address: '芜湖市长春路8号', legalRepresentative: '王强', contactName: '李敏', contactPhone: '13800000000', contactEmail: 'hr@example.cn',
  registeredAt: '2026-11-01T02:00:00Z', sealId: null, sealUploadedAt: null, actions: ['changeOrganizationContact', 'uploadOrganizationSeal'],
};

function show(o: Organization) {
  return render(
    <QueryClientProvider client={new QueryClient()}>
      <AntApp><OrganizationSeal organization={o} /></AntApp>
    </QueryClientProvider>,
  );
}

afterEach(() => { cleanup(); vi.unstubAllGlobals(); });

describe('OrganizationSeal (CRT-03 seal)', () => {
  it('offers the upload to the organization and says the place stays blank without a seal', () => {
    show(organization);
    expect(screen.getByRole('button', { name: /上传印章图片/ })).toBeTruthy();
    expect(screen.getByText('未上传')).toBeTruthy();
    expect(screen.getByText(/未上传时该处留空/)).toBeTruthy();
  });

  it('shows the current seal, offers to replace it, and hides the upload from those who may not', () => {
    const sealed = { ...organization, sealId: 's1', sealUploadedAt: '2026-12-07T02:00:00Z' };
    show(sealed);
    expect(screen.getByTestId('seal-image').getAttribute('src')).toBe('/api/organizations/o1/seal?v=s1');
    expect(screen.getByRole('button', { name: /更换印章图片/ })).toBeTruthy();
    cleanup();
    show({ ...sealed, actions: [] });
    expect(screen.queryByRole('button', { name: /印章图片/ })).toBeNull();
  });

  it('sends the file with the version it read and shows the refusal in Chinese', async () => {
    const fetch = vi.fn().mockResolvedValue(new Response(JSON.stringify({
      status: 422, title: '业务规则不允许',
      rules: [{ ruleId: 'CRT-03', code: 'organization.seal-unusable', message: '印章图片须为透明背景的PNG：背景不透明会遮住机构名称和日期。' }],
    }), { status: 422, headers: { 'content-type': 'application/problem+json' } }));
    vi.stubGlobal('fetch', fetch);
    const { container } = show(organization);
    const input = container.querySelector('input[type=file]') as HTMLInputElement;
    const file = new File([new Uint8Array([137, 80, 78, 71])], '公章.png', { type: 'image/png' });
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('/api/organizations/o1/seal');
    expect((init.body as FormData).get('version')).toBe('3');
    expect(await screen.findByText(/背景不透明会遮住机构名称和日期/)).toBeTruthy();
  });
});
