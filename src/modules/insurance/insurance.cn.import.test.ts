import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { importCsvOk, postOk } from '../../../test/support/requests.ts';
import { runImport } from '../../platform/csv/import-runner.ts';
import type { CountryProfile } from '../../platform/profile.ts';
import { runImportFile } from '../registry-io.ts';
import { insuranceCardImport } from './insurance.import.ts';

/**
 * The insurance-cards CSV import of enrolments under the CN profile (GRASSROOTS_PROFILE=cn). Beijing
 * (11) > 市辖区 (1101) > 朝阳区 (110105) > 建外街道 110105001, and 海淀区 (110108); community health
 * centre CHC110105001. Residents of 110105001, by citizen id and by code:
 *   甲 110105197001010011 / R1    乙 110105197102020024 / R2    丙 110105197203030037 / R3
 *   丁 (no citizen id) / R4
 */

const ID = {
  R1: '110105197001010011',
  R2: '110105197102020024',
  R3: '110105197203030037',
  nobody: '110105197607070078',
} as const;

const HEADER = 'citizen_id,resident_code,scheme,insured_area_code,member_number,valid_from,valid_to,status';

// Line numbers: the header is line 1.
const FILE = [
  HEADER,
  /* 2 good, by citizen id */ `${ID.R1},,resident,110105,,2025-01-01,2025-12-31,`,
  /* 3 good, by code, history */ ',R2,resident,110105,,2024-01-01,2024-12-31,',
  /* 4 good, next period */ ',R2,resident,110105,,2025-01-01,2025-12-31,',
  /* 5 good, both keys, the city */ `${ID.R3},R3,employee,1101,,2025-01-01,2026-03-31,`,
  /* 6 unknown scheme */ ',R4,rural,110105,,2025-01-01,2025-12-31,',
  /* 7 unknown area */ ',R4,resident,999999,,2025-01-01,2025-12-31,',
  /* 8 area at a wrong level */ ',R4,resident,110105001,,2025-01-01,2025-12-31,',
  /* 9 unknown holder */ `${ID.nobody},,resident,110105,,2025-01-01,2025-12-31,`,
  /* 10 two residents */ `${ID.R1},R2,resident,110105,,2026-01-01,2026-12-31,`,
  /* 11 not a date */ ',R4,resident,110105,,2025-02-30,2025-12-31,',
  /* 12 reversed period */ ',R4,resident,110105,,2025-12-31,2025-01-01,',
  /* 13 overlaps line 2 */ `${ID.R1},,employee,1101,,2025-07-01,2026-06-30,`,
  /* 14 unknown status */ ',R4,resident,110105,,2026-01-01,2026-12-31,paused',
  /* 15 member number */ ',R4,resident,110105,M123,2026-01-01,2026-12-31,',
  /* 16 withdrawn may overlap */ `${ID.R1},,employee,1101,,2025-03-01,2025-12-31,withdrawn`,
  /* 17 good, by code */ ',R4,employee,110108,,2025-01-01,2025-12-31,',
  /* 18 no scheme */ ',R4,,110105,,2026-01-01,2026-12-31,',
].join('\n');

const REJECTED = [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 18];

/** Records of a file whose rows are given as CSV lines under HEADER (no quoting), from line 2. */
async function* records(rows: string[]) {
  const header = HEADER.split(',');
  for (const [i, row] of rows.entries()) {
    const cells = row.split(',');
    yield { line: i + 2, values: Object.fromEntries(header.map((h, j) => [h, cells[j] ?? ''])) };
  }
}

interface Enrolment {
  cardNumber: string | null;
  scheme: string;
  insuredAreaCode: string;
  validFrom: string;
  validTo: string;
  status: string;
  beneficiaryGroup: string | null;
}

describeOnBothEngines(
  'insurance enrolments CSV import under the CN profile',
  (t) => {
    const ids: Record<string, string> = {};
    const enrolments = async (code: string) =>
      (await t().inject({ url: `/api/residents/${ids[code]}/insurance-cards` })).json().items as Enrolment[];
    const stored = () =>
      t()
        .ctx.db.selectFrom('insurance_card')
        .select([
          'id',
          'resident_id',
          'card_number',
          'scheme',
          'insured_area_path',
          'valid_from',
          'valid_to',
          'status',
          'area_path',
        ])
        .orderBy('id')
        .execute();

    beforeAll(async () => {
      const e = t();
      const area = (code: string, name: string, level: string, parentCode?: string) =>
        postOk(e, '/api/areas', { code, name, level, ...(parentCode ? { parentCode } : {}) });
      await area('11', '北京市', 'province');
      await area('1101', '市辖区', 'prefecture', '11');
      await area('110105', '朝阳区', 'county', '1101');
      await area('110105001', '建外街道', 'township', '110105');
      await area('110108', '海淀区', 'county', '1101');
      await postOk(e, '/api/facilities', {
        code: 'CHC110105001',
        name: '建外社区卫生服务中心',
        kind: 'community_health_centre',
        areaCode: '110105001',
      });
      const report = await importCsvOk(
        e,
        'residents',
        [
          'code,citizen_id,full_name,area_code',
          `R1,${ID.R1},居民甲,110105001`,
          `R2,${ID.R2},居民乙,110105001`,
          `R3,${ID.R3},居民丙,110105001`,
          'R4,,居民丁,110105001',
        ].join('\n'),
      );
      expect(report, JSON.stringify(report.rejected)).toMatchObject({ created: 4, rejected: [] });
      const found = await e.inject({ url: '/api/residents?area=110105001&limit=10' });
      for (const r of found.json().items as { id: string; code: string }[]) ids[r.code] = r.id;
    });

    test('a file with bad rows stores the good ones and reports each bad one with its line and reason', async () => {
      const report = await importCsvOk(t(), 'insurance-cards', FILE);
      expect(report).toMatchObject({ read: 17, created: 6, updated: 0 });
      const reasons = Object.fromEntries(report.rejected.map((r) => [r.line, r.reason]));
      expect(Object.keys(reasons).map(Number)).toEqual(REJECTED);
      expect(reasons[6]).toBe(
        'scheme: unknown scheme rural: employee (职工基本医疗保险) or resident (城乡居民基本医疗保险)',
      );
      expect(reasons[7]).toBe('insured_area_code: no area with id or code 999999');
      expect(reasons[8]).toBe(
        'insured_area_code: 110105001 is a township: the insured area is the prefecture or county running the scheme',
      );
      expect(reasons[9]).toBe(`citizen_id ${ID.nobody} is not a known resident`);
      expect(reasons[10]).toBe('citizen_id and resident_code name two different residents');
      expect(reasons[11]).toBe('valid_from 2025-02-30 is not a date YYYY-MM-DD');
      expect(reasons[12]).toBe('valid_to 2025-01-01 is before valid_from 2025-12-31');
      expect(reasons[13]).toBe(
        "valid_from 2025-07-01 to 2026-06-30 overlaps the holder's enrolment in the resident scheme of 110105 valid 2025-01-01 to 2025-12-31",
      );
      expect(reasons[14]).toBe('status paused must be active or withdrawn');
      expect(reasons[15]).toMatch(/^member_number: 中国 enrolments have no card number/);
      expect(reasons[18]).toBe('scheme: required: employee or resident');

      expect(
        (await enrolments('R1')).map((c) => [c.scheme, c.insuredAreaCode, c.validFrom, c.status]),
      ).toEqual([
        ['resident', '110105', '2025-01-01', 'active'],
        ['employee', '1101', '2025-03-01', 'withdrawn'],
      ]);
      expect((await enrolments('R1'))[0]).toMatchObject({ cardNumber: null, beneficiaryGroup: null });
      expect((await enrolments('R2')).map((c) => c.validFrom)).toEqual(['2024-01-01', '2025-01-01']);
      expect((await enrolments('R3')).map((c) => [c.scheme, c.insuredAreaCode])).toEqual([
        ['employee', '1101'],
      ]);
      expect((await enrolments('R4')).map((c) => [c.scheme, c.insuredAreaCode])).toEqual([
        ['employee', '110108'],
      ]);
      // The record follows its holder's area (for scoping); the insured area is the scheme's.
      const rows = await stored();
      expect(rows).toHaveLength(6);
      for (const r of rows) expect(r.area_path).toBe('11.1101.110105.110105001');
      expect(rows.map((r) => r.insured_area_path).sort()).toEqual([
        '11.1101',
        '11.1101',
        '11.1101.110105',
        '11.1101.110105',
        '11.1101.110105',
        '11.1101.110108',
      ]);
    });

    test('re-running the same file adds nothing and reports the same bad rows', async () => {
      const before = await stored();
      const report = await importCsvOk(t(), 'insurance-cards', FILE);
      expect(report).toMatchObject({ read: 17, created: 0, updated: 6 });
      expect(report.rejected.map((r) => r.line)).toEqual(REJECTED);
      expect(await stored()).toEqual(before);
    });

    test('a later row of the same enrolment updates it: the file can correct an end date or area', async () => {
      const report = await importCsvOk(
        t(),
        'insurance-cards',
        [
          HEADER,
          ',R4,employee,110108,,2025-01-01,2025-06-30,',
          ',R4,resident,110105,,2026-01-01,2026-12-31,',
          ',R4,resident,110108,,2026-01-01,2026-12-31,',
        ].join('\n'),
      );
      expect(report).toMatchObject({ read: 3, created: 1, updated: 2, rejected: [] });
      expect((await enrolments('R4')).map((c) => [c.scheme, c.insuredAreaCode, c.validTo])).toEqual([
        ['employee', '110108', '2025-06-30'],
        ['resident', '110108', '2026-12-31'],
      ]);
    });

    test('imported enrolments answer at the point of care', async () => {
      const res = await t().inject({
        url: `/api/eligibility?citizenId=${ID.R1}&facility=CHC110105001&date=2025-06-01`,
      });
      expect(res.json()).toMatchObject({ valid: true, scheme: 'resident', areaRule: 'inside-insured-area' });
    });

    test('an overlap across batches is found as within one (batches of one row)', async () => {
      const rows = [
        ',R2,resident,110105,,2026-01-01,2026-12-31,',
        ',R2,employee,1101,,2026-06-01,2027-05-31,',
        ',R2,employee,1101,,2027-01-01,2027-12-31,',
      ];
      const report = await runImport(t().ctx.db, insuranceCardImport(t().ctx.profile), records(rows), {
        batchSize: 1,
      });
      expect(report).toMatchObject({ created: 2, updated: 0 });
      expect(report.rejected).toEqual([
        {
          line: 3,
          reason:
            "valid_from 2026-06-01 to 2027-05-31 overlaps the holder's enrolment in the resident scheme of 110105 valid 2026-01-01 to 2026-12-31",
        },
      ]);
    });

    test('the export writes the enrolment columns and imports back unchanged (CLI)', async () => {
      const before = await stored();
      const res = await t().inject({ url: '/api/exports/insurance-cards' });
      expect(res.statusCode).toBe(200);
      const lines = res.body.trim().split(/\r?\n/);
      expect(lines[0]).toBe(HEADER);
      expect(lines).toHaveLength(1 + before.length);
      expect(lines).toContain(`${ID.R1},R1,resident,110105,,2025-01-01,2025-12-31,active`);
      expect(lines).toContain(',R4,resident,110108,,2026-01-01,2026-12-31,active');
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'enrolments-')), 'enrolments.csv');
      fs.writeFileSync(file, res.body);
      const report = await runImportFile(t().ctx, 'insurance-cards', file);
      expect(report).toMatchObject({ read: before.length, created: 0, updated: before.length, rejected: [] });
      expect(await stored()).toEqual(before);
    });

    test('a file of Vietnamese cards is refused as a whole, naming the enrolment columns', async () => {
      const res = await t().inject({
        method: 'POST',
        url: '/api/imports/insurance-cards',
        headers: { 'content-type': 'text/csv' },
        payload: `card_number,citizen_id,valid_from,valid_to\nDN4560000000001,${ID.R1},2027-01-01,2027-12-31\n`,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().detail).toContain('lacks the column(s) scheme, insured_area_code');
    });

    // Last: it stores member numbers, which the CN profile itself (no number pattern) would not import back.
    test('under a profile with a member number pattern the number is required, checked and owned', async () => {
      const cn = t().ctx.profile;
      const enrolment = cn.insurance.enrolment!;
      const numbered: CountryProfile = {
        ...cn,
        insurance: {
          ...cn.insurance,
          enrolment: { ...enrolment, number: { pattern: '^[0-9]{10}$', label: '医保号 (10 digits)' } },
        },
      };
      const report = await runImport(
        t().ctx.db,
        insuranceCardImport(numbered),
        records([
          /* 2 */ ',R3,resident,110105,,2027-01-01,2027-12-31,',
          /* 3 */ ',R3,resident,110105,12345,2027-01-01,2027-12-31,',
          /* 4 */ ',R3,resident,110105,1234567890,2027-01-01,2027-12-31,',
          /* 5 */ ',R1,resident,110105,1234567890,2028-01-01,2028-12-31,',
          /* 6 */ ',R3,resident,110108,1234-567-890,2027-01-01,2027-12-31,',
          /* 7 */ ',R3,employee,1101,1234567890,2027-01-01,2027-12-31,withdrawn',
        ]),
      );
      expect(report).toMatchObject({ read: 6, created: 1, updated: 1 });
      expect(report.rejected).toEqual([
        { line: 2, reason: 'member_number: required: 医保号 (10 digits)' },
        { line: 3, reason: 'member_number: 12345 does not match ^[0-9]{10}$ (医保号 (10 digits))' },
        { line: 5, reason: 'member_number 1234567890 is held by another resident' },
        {
          line: 7,
          reason:
            "member_number 1234567890 from 2027-01-01 is already the holder's enrolment 1234567890 in the resident scheme of 110108",
        },
      ]);
      expect((await enrolments('R3')).at(-1)).toMatchObject({
        cardNumber: '1234567890',
        scheme: 'resident',
        insuredAreaCode: '110108',
        validFrom: '2027-01-01',
      });
    });
  },
  { profile: 'cn' },
);
