import { describe, expect, test } from 'vitest';
import type { RequisitionAction, RequisitionStatus } from './requisitions.enums.ts';
import { decideTransition, requisitionLines } from './requisitions.rules.ts';

const station = { permissions: new Set(['requisitions.write']), sides: new Set(['station'] as const) };
const district = {
  permissions: new Set(['requisitions.approve']),
  sides: new Set(['station', 'supplier'] as const),
};
const stationNoApprove = {
  permissions: new Set(['requisitions.approve']),
  sides: new Set(['station'] as const),
};
const admin = {
  permissions: new Set(['requisitions.write', 'requisitions.approve']),
  sides: new Set(['station', 'supplier'] as const),
};

type Actor = typeof station | typeof district | typeof admin;

describe('decideTransition: who may, from which state', () => {
  // status, action, actor, expected
  const cases: [RequisitionStatus, RequisitionAction, Actor, string][] = [
    ['draft', 'send', station, 'move:sent'],
    ['sent', 'approve', district, 'move:approved'],
    ['approved', 'ship', district, 'move:shipped'],
    ['shipped', 'receive', station, 'move:received'],
    ['draft', 'send', district, 'refused:403'], // no requisitions.write
    ['sent', 'approve', station, 'refused:403'], // no requisitions.approve
    ['sent', 'approve', stationNoApprove, 'refused:403'], // the permission, but not the supplier's scope
    ['draft', 'approve', district, 'refused:409'], // not sent yet
    ['sent', 'ship', district, 'refused:409'], // not approved yet
    ['approved', 'receive', station, 'refused:409'], // not shipped yet
    ['draft', 'receive', station, 'refused:409'],
    ['sent', 'send', station, 'already'], // a repeated send
    ['received', 'send', station, 'already'],
    ['shipped', 'approve', district, 'already'],
    ['received', 'ship', district, 'already'],
    ['received', 'receive', station, 'already'],
    ['draft', 'send', admin, 'move:sent'],
    ['approved', 'ship', admin, 'move:shipped'],
  ];
  test.each(cases)('%s + %s -> %s', (status, action, actor, expected) => {
    const d = decideTransition(status, action, actor);
    const got = d.kind === 'move' ? `move:${d.to}` : d.kind === 'refused' ? `refused:${d.status}` : d.kind;
    expect(got).toBe(expected);
  });

  test('a refusal says why', () => {
    const d = decideTransition('draft', 'approve', district);
    expect(d).toMatchObject({
      kind: 'refused',
      message: 'a requisition is approved when it is sent; this one is draft',
    });
  });
});

describe('requisitionLines', () => {
  const suggestions = [
    { medicineId: 'a', suggestedOrder: 30 },
    { medicineId: 'b', suggestedOrder: 0 },
    { medicineId: 'c', suggestedOrder: 12 },
  ];
  test('without lines: every medicine max-min suggests', () => {
    expect(requisitionLines(suggestions, undefined)).toEqual([
      { medicineId: 'a', suggested: 30, requested: 30, approved: null },
      { medicineId: 'c', suggested: 12, requested: 12, approved: null },
    ]);
  });
  test('with lines: what was asked, the suggestion beside it, zero lines dropped', () => {
    expect(
      requisitionLines(suggestions, [
        { medicineId: 'a', requested: 40 },
        { medicineId: 'c', requested: 0 },
        { medicineId: 'z', requested: 5 },
      ]),
    ).toEqual([
      { medicineId: 'a', suggested: 30, requested: 40, approved: null },
      { medicineId: 'z', suggested: 0, requested: 5, approved: null },
    ]);
  });
});
