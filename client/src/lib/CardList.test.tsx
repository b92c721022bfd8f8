import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { CardList } from './CardList';

interface Row { id: string; name: string; code?: string; area: string }

const rows: Row[] = [
  { id: 'a', name: '芜湖奇瑞汽车股份有限公司', code: 'P340200001', area: '芜湖' },
  { id: 'b', name: '黄石市高级技工学校', area: '黄石' },
];

function Where() {
  return <div data-testid="where">{useLocation().pathname}</div>;
}

function renderList(items: Row[], loading = false) {
  return render(
    <MemoryRouter initialEntries={['/list']}>
      <Routes>
        <Route path="*" element={(
          <>
            <CardList<Row> items={items} loading={loading} rowKey={(r) => r.id} testId="row-card" href={(r) => `/things/${r.id}`}
              title={(r) => r.name} tag={(r) => <span>状态{r.id}</span>}
              fields={(r) => [{ label: '备案号', value: r.code }, { label: '地区', value: r.area }]}
              pagination={{ current: 1, pageSize: 20, total: items.length, onChange: () => undefined, showTotal: (t) => `共 ${t} 家` }} />
            <Where />
          </>
        )} />
      </Routes>
    </MemoryRouter>,
  );
}

describe('a list as cards (phones)', () => {
  afterEach(cleanup);

  it('shows one card per item: its name as a link, its tag and its labelled lines, leaving out lines without a value', () => {
    renderList(rows);
    const cards = screen.getAllByTestId('row-card');
    expect(cards).toHaveLength(2);
    const first = within(cards[0]);
    expect(first.getByRole('link', { name: '芜湖奇瑞汽车股份有限公司' }).getAttribute('href')).toBe('/things/a');
    expect(first.getByText('状态a')).toBeTruthy();
    expect(cards[0].textContent).toContain('备案号：P340200001');
    expect(cards[0].textContent).toContain('地区：芜湖');
    // the second has no filing number: no empty 备案号 line
    expect(cards[1].textContent).not.toContain('备案号');
    expect(cards[1].textContent).toContain('地区：黄石');
    expect(screen.getByText('共 2 家')).toBeTruthy();
    expect(screen.getAllByRole('listitem').filter((e) => e.getAttribute('data-testid') === 'row-card')).toHaveLength(2);
  });

  it('opens the item when the card itself is tapped, not only its name', () => {
    renderList(rows);
    fireEvent.click(screen.getAllByTestId('row-card')[1]);
    expect(screen.getByTestId('where').textContent).toBe('/things/b');
  });

  it('says so when there is nothing, and shows no pager', () => {
    renderList([]);
    expect(screen.queryAllByTestId('row-card')).toHaveLength(0);
    expect(document.querySelector('.ant-empty')).not.toBeNull();
    expect(screen.queryByText(/共 \d+ 家/)).toBeNull();
  });
});
