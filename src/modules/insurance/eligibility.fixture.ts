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
