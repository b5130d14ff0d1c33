import { describe, expect, test } from 'vitest';
import { MESSAGES } from '../../i18n/catalog.ts';
import { roleLabelKey } from './roles.ts';

describe("a role's name on its badge", () => {
  test.each([
    // CN demo logins: `province` is the prefecture's (遵义市), `district` the county's (习水县).
    ['province', 'prefecture', '地级市卫生健康委', 'Prefecture health commission'],
    ['district', 'county', '县卫生健康局', 'County health commission'],
    // A CN login held at a province, and the VN logins, keep the role's own name.
    ['province', 'province', '省卫生健康委', 'Province health office'],
    ['district', 'district', '县卫生健康局', 'District health manager'],
    ['station', 'commune', '乡镇卫生院人员', 'Commune station staff'],
    ['insurance', 'prefecture', '医保经办人员', 'Social insurance officer'],
  ])('%s held at a %s reads %s (%s)', (role, level, zh, en) => {
    const key = roleLabelKey(role, level)!;
    expect(MESSAGES.zh[key]).toBe(zh);
    expect(MESSAGES.en[key]).toBe(en);
  });

  test('a role without an area, or unknown, keeps its name or has none', () => {
    expect(roleLabelKey('admin', null)).toBe('role.admin');
    expect(roleLabelKey('province')).toBe('role.province');
    expect(roleLabelKey('auditor', 'county')).toBeUndefined();
  });
});
