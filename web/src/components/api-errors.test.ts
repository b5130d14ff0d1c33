import { describe, expect, test } from 'vitest';
import { ApiError } from '../api/client.ts';
import { MESSAGES } from '../i18n/catalog.ts';
import { applyApiErrors, fieldProblemText } from './api-errors.ts';

const vi = {
  t: (key: string) => (MESSAGES.vi as Record<string, string>)[key] ?? key,
};

describe('field problems from the API', () => {
  test('a value already taken is said in the reader’s language, next to its field', () => {
    const placed: Record<string, string> = {};
    const error = new ApiError(
      409,
      'conflict',
      'A resident with this citizen identity number already exists',
      [
        {
          field: 'body.citizenId',
          message: 'A resident with this citizen identity number already exists',
          code: 'taken',
        },
      ],
    );
    const banner = applyApiErrors(
      error,
      (f, m) => {
        placed[f] = m;
      },
      ['citizenId', 'fullName'],
      vi,
    );
    expect(placed).toEqual({ citizenId: 'Đã được dùng cho một hồ sơ khác.' });
    expect(banner).toBe(MESSAGES.vi['error.fixFields']);
  });

  test('a problem of a kind the app does not word keeps the API’s message', () => {
    expect(fieldProblemText({ field: 'body.areaCode', message: 'no area 99999' }, vi)).toBe('no area 99999');
    expect(fieldProblemText({ field: 'body.x', message: 'odd', code: 'new-kind' }, vi)).toBe('odd');
  });
});
