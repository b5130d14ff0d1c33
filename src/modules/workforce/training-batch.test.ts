import { expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { AppError } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids.ts';
import { addTrainingBatch } from './training.service.ts';
import { createWorker, uniqueCode } from './workforce.fixtures.ts';

const TODAY = '2026-06-01';
const course = (n: number) => ({ course: `Course ${n}`, completedOn: '2026-01-15', hours: 8 });

describeOnBothEngines('training records in a batch', (t) => {
  async function worker(): Promise<string> {
    const code = uniqueCode('TB');
    const res = await createWorker(t(), {
      code,
      fullName: 'Trainee',
      cadre: 'nurse',
      qualification: 'college',
    });
    return res.id as string;
  }
  const trainingOf = async (id: string) =>
    (await t().inject({ url: `/api/workers/${id}/training` })).json().items as unknown[];

  test('stores every record of the batch, as one by one would', async () => {
    const [a, b] = [await worker(), await worker()];
    const stored = await addTrainingBatch(
      t().ctx,
      [
        { workerId: a, body: course(1) },
        { workerId: a, body: course(2) },
        { workerId: b, body: course(3) },
      ],
      TODAY,
    );
    expect(stored).toBe(3);
    expect(await trainingOf(a)).toHaveLength(2);
    expect(await trainingOf(b)).toHaveLength(1);
  });

  test('one bad record refuses the whole batch and names its place in the list', async () => {
    const a = await worker();
    const err = await addTrainingBatch(
      t().ctx,
      [
        { workerId: a, body: course(1) },
        { workerId: a, body: { ...course(2), completedOn: '2027-01-01' } },
      ],
      TODAY,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).errors[0]?.field).toMatch(/^\[1\]\./);
    expect(await trainingOf(a)).toHaveLength(0);
  });

  test('an unknown worker refuses the whole batch with a 404', async () => {
    const a = await worker();
    const err = await addTrainingBatch(
      t().ctx,
      [
        { workerId: a, body: course(1) },
        { workerId: newId(), body: course(2) },
      ],
      TODAY,
    ).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('not_found');
    expect(await trainingOf(a)).toHaveLength(0);
  });
});
