import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { ServiceEntries, serviceEntries } from './ServiceEntries';

describe('the public services on the home page', () => {
  afterEach(cleanup);

  it('lead to certificate verification, the case lookup and the directory', () => {
    render(<MemoryRouter><ServiceEntries /></MemoryRouter>);
    const list = screen.getByRole('list', { name: '公众服务' });
    expect(within(list).getByRole('link', { name: /证书查询/ }).getAttribute('href')).toBe('/verify');
    expect(within(list).getByRole('link', { name: /进度查询/ }).getAttribute('href')).toBe('/cases');
    expect(within(list).getByRole('link', { name: /机构目录/ }).getAttribute('href')).toBe('/directory');
  });

  it('show complaints as 即将开放, greyed out and never a link', () => {
    render(<MemoryRouter><ServiceEntries /></MemoryRouter>);
    const entries = screen.getAllByTestId('service-entry');
    expect(entries).toHaveLength(4);
    const complaints = entries.find((e) => e.textContent?.includes('投诉举报'))!;
    expect(complaints.getAttribute('aria-disabled')).toBe('true');
    expect(complaints.textContent).toContain('即将开放');
    expect(complaints.closest('a')).toBeNull();
    expect(within(complaints).queryByRole('link')).toBeNull();
    expect(screen.queryByRole('link', { name: /投诉举报/ })).toBeNull();
  });

  it('name only routes the application has', () => {
    const routes = serviceEntries.flatMap((e) => (e.to ? [e.to] : []));
    expect(routes).toEqual(['/verify', '/cases', '/directory']);
  });
});
