import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../api/client';
import { jurisdictionOf, rangeRule, rangeSize, suggestedFrom } from './ranges';

type Policy = Schemas['SharedKernel.JurisdictionPolicy'];

const policy = (ranges: boolean) => ({
  id: ranges ? 'anhui' : 'guangxi',
  authorities: [
    { code: '340000', name: '安徽省职业技能鉴定指导中心', areaName: '安徽省', level: 'province', parent: '000000' },
    { code: '340200', name: '芜湖市职业技能鉴定指导中心', areaName: '芜湖市', level: 'city', parent: '340000' },
  ],
  certificates: {
    serialDigits: 6, issuedBy: '评价机构', serialsFromAllocatedRanges: ranges, rangesAllocatedBy: ranges ? 'province' : null, rangesNote: null,
  },
}) as unknown as Policy;

describe('certificate number ranges (CRT-01)', () => {
  it('follows the policy: Anhui ranges allocated by the provincial center only, elsewhere none', () => {
    expect(rangeRule(policy(true), 'province'))
      .toEqual({ usesRanges: true, allocator: { code: '340000', name: '安徽省职业技能鉴定指导中心' }, mayAllocate: true });
    expect(rangeRule(policy(true), 'city').mayAllocate).toBe(false);
    expect(rangeRule(policy(true), undefined).mayAllocate).toBe(false);
    expect(rangeRule(policy(false), 'province')).toEqual({ usesRanges: false, mayAllocate: false });
    expect(rangeRule(undefined, 'province').usesRanges).toBe(false);
  });

  it('finds the jurisdiction of an authority anywhere in the tree', () => {
    const tree = [{
      code: '000000', name: '部', areaName: '全国', level: 'national', jurisdiction: 'national', children: [
        { code: '340000', name: '省', areaName: '安徽省', level: 'province', jurisdiction: 'anhui', children: [
          { code: '340200', name: '市', areaName: '芜湖市', level: 'city', jurisdiction: 'anhui', children: [] },
        ] },
      ],
    }] as Schemas['Api.AuthorityNode'][];
    expect(jurisdictionOf(tree, '340200')).toBe('anhui');
    expect(jurisdictionOf(tree, '000000')).toBe('national');
    expect(jurisdictionOf(tree, '450000')).toBeUndefined();
    expect(jurisdictionOf(tree, undefined)).toBeUndefined();
  });

  it('suggests the first serial after the allocated ranges and counts a range', () => {
    expect(suggestedFrom([])).toBe('000001');
    expect(suggestedFrom([{ to: '000100' }, { to: '000020' }])).toBe('000101');
    expect(suggestedFrom([{ to: '999999' }])).toBeUndefined();
    expect(rangeSize('000001', '000100')).toBe(100);
    expect(rangeSize('000010', '000009')).toBe(0);
    expect(rangeSize('000000', '000009')).toBe(0);
    expect(rangeSize('12345', '000009')).toBe(0);
  });
});
