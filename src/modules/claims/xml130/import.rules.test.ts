import { beforeAll, describe, expect, test } from 'vitest';
import { EnvelopeWriter } from './envelope.ts';
import { centsOf, checkRecord, compareTables, totalsProblems } from './import.rules.ts';
import { type ClaimFileRecord, type FieldValues, parseTable, readClaimFile } from './reader.ts';
import { envelopeChunks, streamOf } from './sample-envelope.test-support.ts';
import { createEnvelopeSigner, type SigningKey, verifyEnvelopeSignature } from './signature.ts';
import { generateSigningKey } from './signing-keys.ts';
import { hoSoOf } from './tables.ts';
import { exportClaimFixture } from './xml130.fixtures.ts';

const ZONE = 'Asia/Ho_Chi_Minh';

test.each([
  { text: '125000.50', want: 12500050n },
  { text: '0', want: 0n },
  { text: '-3.1', want: -310n },
  { text: '1.234', want: undefined },
  { text: '1,5', want: undefined },
  { text: '', want: undefined },
])('centsOf($text) = $want', ({ text, want }) => {
  expect(centsOf(text)).toBe(want);
});

describe('totalsProblems', () => {
  const line = (bv: string): FieldValues => ({
    THANH_TIEN_BV: bv,
    THANH_TIEN_BH: bv,
    T_BNTT: '0',
    T_BNCCT: '0',
    T_BHTT: bv,
  });
  const summary = (bv: string): FieldValues => ({
    T_TONGCHI_BV: bv,
    T_TONGCHI_BH: bv,
    T_BNTT: '0.00',
    T_BNCCT: '0.00',
    T_BHTT: bv,
  });
  test.each([
    { case: 'sums match', xml1: summary('30.00'), lines: [line('10.00'), line('20')], want: [] },
    { case: 'no lines, zero totals', xml1: summary('0.00'), lines: [], want: [] },
    {
      case: 'one cent off',
      xml1: summary('30.01'),
      lines: [line('10.00'), line('20.00')],
      want: ['T_TONGCHI_BV', 'T_TONGCHI_BH', 'T_BHTT'],
    },
    {
      case: 'an amount not money: left to the schema check',
      xml1: summary('x'),
      lines: [line('1')],
      want: [],
    },
  ])('$case', ({ xml1, lines, want }) => {
    const got = totalsProblems({ XML1: [xml1], XML3: lines });
    expect(got.map((p) => p.field)).toEqual(want);
  });
});

test.each<{
  case: string;
  a: Record<string, FieldValues[]>;
  b: Record<string, FieldValues[]>;
  want: string[];
}>([
  { case: 'same', a: { XML1: [{ A: '1' }] }, b: { XML1: [{ A: '1' }] }, want: [] },
  { case: 'a field differs', a: { XML1: [{ A: '1' }] }, b: { XML1: [{ A: '2' }] }, want: ['XML1[1].A 1→2'] },
  { case: 'empty and absent are the same', a: { XML1: [{ A: '' }] }, b: { XML1: [{}] }, want: [] },
  {
    case: 'a row more',
    a: { XML2: [{ A: '1' }] },
    b: { XML2: [{ A: '1' }, { A: '3' }] },
    want: ['XML2[2].A null→3'],
  },
  { case: 'a table missing', a: { XML3: [{ A: '1' }] }, b: {}, want: ['XML3[1].A 1→null'] },
])('compareTables: $case', ({ a, b, want }) => {
  const got = compareTables(a, b);
  expect(got.map((d) => `${d.table}[${d.row}].${d.field} ${d.stored}→${d.received}`)).toEqual(want);
});

/** The tables a claim exports to, as rows of fields (what the reader gives back). */
const tablesOf = (stt: number, over = {}) =>
  Object.fromEntries(
    hoSoOf(exportClaimFixture(over), stt, ZONE).files.map((f) => [f.loaiHoSo, parseTable(f.xml)]),
  );

describe('the round trip: export, then import', () => {
  let key: SigningKey;
  beforeAll(async () => {
    key = await generateSigningKey('56001');
  }, 60_000);

  test('a signed export of two claims verifies, passes every check and reads back the same field by field', async () => {
    const claims = [
      exportClaimFixture(),
      exportClaimFixture({ claimId: '01938a6e-0000-7000-8000-000000000002' }),
    ];
    let xml = '';
    const writer = new EnvelopeWriter(
      {
        write: async (c) => {
          xml += c;
        },
      },
      { facilityCode: '56001', createdOn: '2026-12-02', records: 2 },
      createEnvelopeSigner(key),
    );
    await writer.begin();
    for (const [i, c] of claims.entries()) await writer.add(hoSoOf(c, i + 1, ZONE));
    await writer.end();

    const records: ClaimFileRecord[] = [];
    const envelope = await readClaimFile(streamOf(xml, 1000), (r) => void records.push(r));
    expect(verifyEnvelopeSignature(envelope.signatureXml, envelope, key.certificatePem).facilityCode).toBe(
      '56001',
    );
    expect(records.map((r) => checkRecord(r))).toEqual([
      { position: 1, maLk: claims[0]?.claimId, stt: '1', outcome: 'accepted', problems: [] },
      { position: 2, maLk: claims[1]?.claimId, stt: '2', outcome: 'accepted', problems: [] },
    ]);
    expect(compareTables(tablesOf(1), records[0]?.tables ?? {})).toEqual([]);
    expect(compareTables(tablesOf(2, { claimId: claims[1]?.claimId }), records[1]?.tables ?? {})).toEqual([]);
  });
});

describe('a file from another system with bad fields', () => {
  test('each bad record is refused with its record, table, row and field named; the good one is accepted', async () => {
    const good = tablesOf(1);
    const xml1 = good.XML1?.[0] ?? {};
    const medicine = good.XML2?.[0] ?? {};
    const bad = (maLk: string, xml1Over: FieldValues, xml2Over: FieldValues = {}) => ({
      ...good,
      XML0: (good.XML0 ?? []).map((r) => ({ ...r, MA_LK: maLk })),
      XML1: [{ ...xml1, MA_LK: maLk, ...xml1Over }],
      XML2: [{ ...medicine, MA_LK: maLk, ...xml2Over }],
      XML3: (good.XML3 ?? []).map((r) => ({ ...r, MA_LK: maLk })),
    });
    const records = [
      bad('GOOD-1', { STT: '1' }),
      bad('BAD-2', { STT: '2', GIOI_TINH: 'F', MA_BENH_CHINH: '' }),
      bad('BAD-3', { STT: '3' }, { DON_GIA: '450,5', MA_LK: 'SOMEONE-ELSE', LIEU_DUNG_X: '1' }),
      bad('BAD-4', { STT: '4', T_TONGCHI_BV: '99.00' }),
    ];
    const read: ClaimFileRecord[] = [];
    await readClaimFile(
      streamOf(`${envelopeChunks('56001', records).join('')}</GIAMDINHHS>`),
      (r) => void read.push(r),
    );
    const said = read.map((r) => {
      const v = checkRecord(r);
      return `${v.maLk}#${v.stt} ${v.outcome}: ${v.problems.map((p) => `${p.table}[${p.row}].${p.field} ${p.code}`).join(', ')}`;
    });
    expect(said).toEqual([
      'GOOD-1#1 accepted: ',
      'BAD-2#2 refused: XML1[1].GIOI_TINH not-a-number, XML1[1].MA_BENH_CHINH required',
      'BAD-3#3 refused: XML2[1].DON_GIA not-a-number, XML2[1].LIEU_DUNG_X unknown-field, XML2[1].MA_LK other-record',
      'BAD-4#4 refused: XML1[1].T_TONGCHI_BV totals',
    ]);
  });
});
