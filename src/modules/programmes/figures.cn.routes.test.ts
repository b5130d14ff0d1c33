import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { registerJianwaiCentre } from '../../../test/support/places.ts';
import { postExpect } from '../../../test/support/requests.ts';
import { as } from '../access/access.fixtures.ts';
import { bp, figuresPopulation } from './figures.fixtures.ts';
import type { ProgrammeFigures } from './figures.schema.ts';

/**
 * The programme figures under the CN profile on both engines: the same definitions over China's
 * records, counted by hand. 朝阳区 (110105), its 建外街道 community health centre; 2026Q3 as of
 * 2026-09-30, the last three months from 2026-07-01, the last twelve from 2025-10-01.
 *
 * Hypertension: 甲 I10 2025-01-01, 2026-08-10 135/85 controlled; 乙 I10 2025-01-01, 2026-09-10 145/85
 * uncontrolled; 丙 I10 2025-01-01, 2026-02-01 120/80 missed visit; 丁 I10 2024-01-01, 2025-06-01
 * lost to follow-up. Registered 4, under care 3: controlled 1, uncontrolled 1, missed 1; lost 1 of 4.
 * Diabetes: 戊 E11.9 2025-01-01, 2026-08-01 HbA1c 7.2 and random 9.0 (HbA1c first) uncontrolled;
 * 己 E11.9 2025-01-01, 2026-07-10 random 9.0 controlled. Registered 2, under care 2, controlled 1.
 *
 * Immunization, China's "fully immunized" (cn.json): BCG, HepB ×3, polio ×3, DTP ×3, measles ×1, JE ×1.
 *   宝1 born 2025-07-15: HepB ×3, BCG, IPV ×2, bOPV, DTaP ×3, MMR, JE-L       fully immunized
 *   宝2 born 2025-08-10: HepB ×3, BCG, IPV ×2, bOPV, DTaP ×2, MMR, JE-L       DTP1, not DTP3
 *   宝3 born 2025-09-05: HepB, BCG, DTaP, hexavalent ×2 (polio, HepB), IPV, MMR, JE-L   fully immunized
 * Cohort 3: BCG 3, DTP1 3, DTP3 2 (66.7%), MCV1 3, fully immunized 2 (66.7%), dropout 1 of 3 (33.3%).
 */
describeOnBothEngines(
  'programme figures API (cn)',
  (t) => {
    let token: string;
    const pop = figuresPopulation(t);

    beforeAll(async () => {
      const centre = await registerJianwaiCentre(t());
      const password = 'Quiet-river-county-ytnuoc';
      await postExpect(t(), '/api/users', {
        username: 'county-figures',
        displayName: '区疾控',
        password,
        roles: [{ role: 'district', area: '110105' }],
      });
      token = await t().signIn('county-figures', password);
      const area = '110105001';
      const person = async (name: string, code: string, onset: string) => {
        const id = await pop.resident(area, name);
        await pop.problem(id, centre, code, onset);
        return id;
      };
      const jia = await person('张甲', 'I10', '2025-01-01');
      await pop.visit(jia, centre, '2026-08-10', { readings: bp(135, 85) });
      const yi = await person('张乙', 'I10', '2025-01-01');
      await pop.visit(yi, centre, '2026-09-10', { readings: bp(145, 85) });
      const bing = await person('张丙', 'I10', '2025-01-01');
      await pop.visit(bing, centre, '2026-02-01', { readings: bp(120, 80) });
      const ding = await person('张丁', 'I10', '2024-01-01');
      await pop.visit(ding, centre, '2025-06-01', { readings: bp(130, 80) });
      const wu = await person('张戊', 'E11.9', '2025-01-01');
      await pop.visit(wu, centre, '2026-08-01', { readings: { '4548-4': 7.2, '2339-0': 9.0 } });
      const ji = await person('张己', 'E11.9', '2025-01-01');
      await pop.visit(ji, centre, '2026-07-10', { readings: { '2339-0': 9.0 } });

      const child = (name: string, birthDate: string) => pop.resident(area, name, { birthDate });
      const b1 = await child('王宝一', '2025-07-15');
      await pop.doses(b1, centre, [
        ['HepB', '2025-07-15'],
        ['BCG', '2025-07-16'],
        ['HepB', '2025-08-15'],
        ['IPV', '2025-09-15'],
        ['DTaP', '2025-09-15'],
        ['IPV', '2025-10-15'],
        ['bOPV', '2025-11-15'],
        ['DTaP', '2025-11-15'],
        ['HepB', '2026-01-15'],
        ['DTaP', '2026-01-15'],
        ['MMR', '2026-03-15'],
        ['JE-L', '2026-03-15'],
      ]);
      const b2 = await child('王宝二', '2025-08-10');
      await pop.doses(b2, centre, [
        ['HepB', '2025-08-10'],
        ['BCG', '2025-08-11'],
        ['HepB', '2025-09-10'],
        ['IPV', '2025-10-10'],
        ['DTaP', '2025-10-10'],
        ['IPV', '2025-11-10'],
        ['bOPV', '2025-12-10'],
        ['DTaP', '2025-12-10'],
        ['HepB', '2026-02-10'],
        ['MMR', '2026-04-10'],
        ['JE-L', '2026-04-10'],
      ]);
      const b3 = await child('王宝三', '2025-09-05');
      await pop.doses(b3, centre, [
        ['HepB', '2025-09-05'],
        ['BCG', '2025-09-06'],
        ['DTaP', '2025-11-05'],
        ['IPV', '2025-11-05'],
        ['DTaP-IPV-Hib-HepB', '2026-01-05'],
        ['DTaP-IPV-Hib-HepB', '2026-03-05'],
        ['MMR', '2026-05-05'],
        ['JE-L', '2026-05-05'],
      ]);
    });

    const table = (a: ProgrammeFigures, kind: string) =>
      Object.fromEntries(
        a.figures.filter((f) => f.kind === kind).map((f) => [f.id, [f.count, f.denominator, f.rate]]),
      );
    let answer: ProgrammeFigures | undefined;
    const figures = async () => {
      if (answer) return answer;
      const res = await as(t(), token, { url: '/api/programmes/figures?area=110105&period=2026Q3' });
      expect(res.statusCode, res.body).toBe(200);
      answer = res.json() as ProgrammeFigures;
      return answer;
    };

    test("朝阳区's hypertension and diabetes control for 2026Q3 is the hand count", async () => {
      const a = await figures();
      expect(a.area).toMatchObject({ code: '110105', name: '朝阳区' });
      expect(table(a, 'hypertension')).toEqual({
        'hypertension-registered': [4, null, null],
        'hypertension-new': [0, null, null],
        'hypertension-under-care': [3, 4, 75],
        'hypertension-controlled': [1, 3, 33.3],
        'hypertension-uncontrolled': [1, 3, 33.3],
        'hypertension-visit-no-reading': [0, 3, 0],
        'hypertension-missed-visit': [1, 3, 33.3],
        'hypertension-lost-to-follow-up': [1, 4, 25],
        'hypertension-returned-after-call': [0, 0, null],
      });
      const d = table(a, 'diabetes');
      expect(d['diabetes-under-care']).toEqual([2, 2, 100]);
      expect(d['diabetes-controlled']).toEqual([1, 2, 50]);
      expect(d['diabetes-uncontrolled']).toEqual([1, 2, 50]);
      expect(a.figures.find((f) => f.id === 'hypertension-controlled')?.definition.zh).toContain('140/90');
    });

    test("朝阳区's immunization coverage for 2026Q3 is the hand count (China's list)", async () => {
      const a = await figures();
      expect(table(a, 'immunization')).toEqual({
        'immunization-bcg': [3, 3, 100],
        'immunization-dtp1': [3, 3, 100],
        'immunization-dtp3': [2, 3, 66.7],
        'immunization-mcv1': [3, 3, 100],
        'immunization-fully-immunized': [2, 3, 66.7],
        'immunization-dtp-dropout': [1, 3, 33.3],
      });
      const full = a.figures.find((f) => f.id === 'immunization-fully-immunized');
      expect(full?.definition.zh).toContain('japanese-encephalitis ×1');
    });
  },
  { profile: 'cn' },
);
