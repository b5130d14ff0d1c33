import { describe, expect, it } from 'vitest';
import { type TrainingValues, trainingBody, trainingProblems } from './training-form.ts';

const ok: TrainingValues = {
  course: 'Tiêm chủng an toàn',
  provider: '',
  kind: 'continuing_education',
  hours: 16,
  credits: '',
  completedOn: '2026-11-20',
  certificateNumber: '',
};
const TODAY = '2026-11-30';

describe('the add-training form checks what the API checks', () => {
  it('a complete record has no problem', () => {
    expect(trainingProblems(ok, TODAY)).toEqual({});
  });

  it.each([
    [{ course: '   ' }, 'course', 'validation.required'],
    [{ course: 'x'.repeat(301) }, 'course', 'validation.tooLong'],
    [{ provider: 'x'.repeat(301) }, 'provider', 'validation.tooLong'],
    [{ hours: '' }, 'hours', 'workforce.training.hoursOrCredits'],
    [{ hours: -2 }, 'hours', 'workforce.validation.notNegative'],
    [{ hours: '', credits: -1 }, 'credits', 'workforce.validation.notNegative'],
    [{ completedOn: '' }, 'completedOn', 'validation.required'],
    [{ completedOn: '2026-02-30' }, 'completedOn', 'workforce.validation.date'],
    [{ completedOn: '2026-12-01' }, 'completedOn', 'workforce.validation.notFuture'],
    [{ certificateNumber: 'x'.repeat(101) }, 'certificateNumber', 'validation.tooLong'],
  ] as const)('%o → %s: %s', (change, field, key) => {
    expect(trainingProblems({ ...ok, ...change }, TODAY)[field]?.key).toBe(key);
  });

  it('credits alone are enough, and today is not the future', () => {
    expect(trainingProblems({ ...ok, hours: '', credits: 2, completedOn: TODAY }, TODAY)).toEqual({});
  });

  it('the body leaves empty fields out and trims text', () => {
    expect(
      trainingBody({ ...ok, course: ' Tiêm chủng ', provider: '  ', certificateNumber: ' 12/GCN ' }),
    ).toEqual({
      course: 'Tiêm chủng',
      kind: 'continuing_education',
      hours: 16,
      completedOn: '2026-11-20',
      certificateNumber: '12/GCN',
    });
  });
});
