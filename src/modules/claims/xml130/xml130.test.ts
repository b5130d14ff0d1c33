import { describe, expect, test } from 'vitest';
import { EnvelopeWriter } from './envelope.ts';
import { centsText, TABLES, XML1 } from './fields.ts';
import { type ClaimFileRecord, readClaimFile } from './reader.ts';
import { checkTable } from './schema.ts';
import { createEnvelopeSigner, type EnvelopeSigner, verifyEnvelopeSignature } from './signature.ts';
import { generateSigningKey } from './signing-keys.ts';
import { hoSoOf, recordOf } from './tables.ts';
import { exportClaimFixture } from './xml130.fixtures.ts';

const HANOI = 'Asia/Ho_Chi_Minh';

async function writeEnvelope(claims = [exportClaimFixture()], signer: EnvelopeSigner | null = null) {
  let xml = '';
  const w = new EnvelopeWriter(
    {
      write: async (c) => {
        xml += c;
      },
    },
    { facilityCode: '56001', createdOn: '2026-12-02', records: claims.length },
    signer,
  );
  await w.begin();
  for (const [i, c] of claims.entries()) await w.add(hoSoOf(c, i + 1, HANOI));
  const totals = await w.end();
  return { xml, totals };
}

async function readBack(xml: string) {
  const records: ClaimFileRecord[] = [];
  const envelope = await readClaimFile(
    (async function* () {
      yield xml;
    })(),
    (r) => {
      records.push(r);
    },
  );
  return { envelope, records };
}

const cents = (t: string) => BigInt(t.replace('.', ''));
const sum = (records: Record<string, string>[], field: string) =>
  centsText(records.reduce((a, r) => a + cents(r[field] ?? '0'), 0n));

describe('the Decision 130 tables of a claim', () => {
  test('every field table names each field once, with a length for every number', () => {
    for (const spec of Object.values(TABLES)) {
      const names = spec.fields.map((f) => f.name);
      expect(new Set(names).size).toBe(names.length);
      for (const f of spec.fields)
        if (f.type === 'N') expect(f.max, `${spec.loaiHoSo}.${f.name}`).toBeGreaterThan(0);
    }
  });

  test('a well-formed claim passes the schema check in tables 0 to 3', () => {
    const hoSo = hoSoOf(exportClaimFixture(), 1, HANOI);
    expect(hoSo.failures).toEqual([]);
    expect(hoSo.files.map((f) => f.loaiHoSo)).toEqual(['XML0', 'XML1', 'XML2', 'XML3']);
  });

  test('table 1 is written in the formats of 4750', () => {
    const r = recordOf(XML1, { claim: exportClaimFixture(), stt: 1, timeZone: HANOI });
    expect(r).toMatchObject({
      NGAY_SINH: '198007090000',
      GIOI_TINH: '2',
      NGAY_VAO: '202611200815',
      NGAY_RA: '202611200840',
      GT_THE_TU: '20260101',
      T_TONGCHI_BV: '50000.00',
      T_THUOC: '13500.00',
      MA_DANTOC: '01',
      MATINH_CU_TRU: '56',
      MAHUYEN_CU_TRU: '568',
      MAXA_CU_TRU: '22366',
      NAM_QT: '2026',
      THANG_QT: '11',
      MA_BENH_KT: 'E11',
    });
  });

  test.each([
    { field: 'GIOI_TINH', value: '4x', code: 'not-a-number' },
    { field: 'HO_TEN', value: 'x'.repeat(256), code: 'too-long' },
    { field: 'MA_BENH_CHINH', value: '', code: 'required' },
    { field: 'T_BHTT', value: '12.345', code: 'decimals' },
    { field: 'MA_THE', value: 'x', code: 'unknown-field' },
  ])('a malformed $field is caught, naming the record and field ($code)', ({ field, value, code }) => {
    const claim = exportClaimFixture();
    const record = { ...recordOf(XML1, { claim, stt: 7, timeZone: HANOI }), [field]: value };
    expect(checkTable('XML1', record)).toEqual([
      expect.objectContaining({ table: 'XML1', record: `${claim.claimId}#7`, field, code }),
    ]);
  });

  test('a claim without its main diagnosis is caught at export, the field named', () => {
    const claim = exportClaimFixture({ mainDiagnosis: null, mainDiagnosisName: null, otherDiagnoses: [] });
    const hoSo = hoSoOf(claim, 1, HANOI);
    expect(hoSo.failures.map((f) => `${f.table}.${f.field}`)).toEqual([
      'XML1.CHAN_DOAN_VAO',
      'XML1.CHAN_DOAN_RV',
      'XML1.MA_BENH_CHINH',
      'XML3.MA_BENH',
      'XML3.MA_BENH',
    ]);
  });
});

describe('the envelope', () => {
  test('reads back: header, one HOSO a claim, tables from base64, totals equal their lines', async () => {
    const claims = [
      exportClaimFixture(),
      exportClaimFixture({ claimId: '01938a6e-0000-7000-8000-000000000002' }),
    ];
    const { xml, totals } = await writeEnvelope(claims);
    const { envelope, records } = await readBack(xml);
    expect(envelope).toMatchObject({ facilityCode: '56001', createdOn: '20261202', declaredCount: '2' });
    expect(totals).toMatchObject({ records: 2, bytes: Buffer.byteLength(xml) });
    expect(records).toHaveLength(2);
    for (const { tables, problems } of records) {
      expect(problems).toEqual([]);
      const t1 = tables.XML1![0]!;
      const lines = [...(tables.XML2 ?? []), ...(tables.XML3 ?? [])];
      expect(t1.HO_TEN).toBe('Nguyễn Thị Hoa & con');
      for (const [total, line] of [
        ['T_TONGCHI_BV', 'THANH_TIEN_BV'],
        ['T_TONGCHI_BH', 'THANH_TIEN_BH'],
        ['T_BHTT', 'T_BHTT'],
        ['T_BNCCT', 'T_BNCCT'],
        ['T_BNTT', 'T_BNTT'],
      ] as const)
        expect(t1[total], total).toBe(sum(lines, line));
      for (const [name, rows] of Object.entries(tables))
        for (const r of rows) expect(checkTable(name as 'XML1', r)).toEqual([]);
    }
  });

  test("signed through claim-file-import's signer, the signature verifies over what was written", async () => {
    const key = await generateSigningKey('56001');
    const { xml } = await writeEnvelope([exportClaimFixture()], createEnvelopeSigner(key));
    const { envelope } = await readBack(xml);
    expect(verifyEnvelopeSignature(envelope.signatureXml, envelope, key.certificatePem)).toMatchObject({
      facilityCode: '56001',
      digest: envelope.digest,
    });
    const { envelope: changed } = await readBack(xml.replace('<SOLUONGHOSO>1<', '<SOLUONGHOSO>2<'));
    expect(() => verifyEnvelopeSignature(changed.signatureXml, changed, key.certificatePem)).toThrow(
      /THONGTINHOSO is not what was signed/,
    );
  });
});
