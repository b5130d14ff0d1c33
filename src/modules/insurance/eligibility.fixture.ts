import { expect } from 'vitest';
import type { TestEngine } from '../../../test/support/engines.ts';
import { postOk } from '../../../test/support/requests.ts';

/**
 * The place the eligibility tests check cards at: province 56, district 568 with its health centre
 * (56020), commune 22300 with its station (56101).
 */
export async function seedCommuneAndDistrict(e: TestEngine): Promise<void> {
  await postOk(e, '/api/areas', { code: '56', name: 'Khánh Hòa', level: 'province' });
  await postOk(e, '/api/areas', { code: '568', name: 'Huyện Thử', level: 'district', parentCode: '56' });
  await postOk(e, '/api/areas', { code: '22300', name: 'Xã Thử', level: 'commune', parentCode: '568' });
  await postOk(e, '/api/facilities', {
    code: '56101',
    name: 'Trạm Y tế xã Thử',
    kind: 'commune_health_station',
    areaCode: '22300',
  });
  await postOk(e, '/api/facilities', {
    code: '56020',
    name: 'Trung tâm Y tế huyện Thử',
    kind: 'district_health_centre',
    areaCode: '568',
  });
}

/** A card as the tests write it: number, first and last valid day, and the registered facility (56101 if none). */
export type CardRow = [cardNumber: string, validFrom: string, validTo: string, facility?: string];

/** Registers a resident of commune 22300 holding the cards given; returns the resident's id. */
export async function residentWithCards(
  e: TestEngine,
  person: { fullName: string; citizenId: string; birthDate?: string },
  cards: CardRow[] = [],
): Promise<string> {
  const { id } = await postOk(e, '/api/residents', { ...person, areaCode: '22300' });
  for (const [cardNumber, validFrom, validTo, facility = '56101'] of cards)
    await postOk(e, `/api/residents/${id}/insurance-cards`, {
      cardNumber,
      validFrom,
      validTo,
      registeredFacilityCode: facility,
    });
  return id as string;
}

/** GET /api/eligibility with the query given (after `prefix`), expecting a 200; returns the answer. */
export function eligibilityCheck(t: () => TestEngine, prefix = '') {
  return async (query: string) => {
    const res = await t().inject({ url: `/api/eligibility?${prefix}${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
}
