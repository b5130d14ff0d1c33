import { expect, it } from 'vitest';
import { initialsOf } from './initials.ts';

it.each([
  { name: 'Nguyễn Văn An', want: 'NV' },
  { name: '  Trạm   Y tế ', want: 'TY' },
  { name: 'admin', want: 'AD' },
  { name: '王小明', want: '王小' },
  { name: 'đỗ thị hoa', want: 'ĐT' },
])('the avatar of $name shows $want', ({ name, want }) => {
  expect(initialsOf(name)).toBe(want);
});
