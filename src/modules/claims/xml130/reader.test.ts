import { describe, expect, test } from 'vitest';
import {
  ClaimFileFormatError,
  type ClaimFileRecord,
  decodeFileContent,
  parseTable,
  readClaimFile,
} from './reader.ts';
import { envelopeChunks, sampleRecord, streamOf, tableXml } from './sample-envelope.test-support.ts';

const b64 = (s: string) => Buffer.from(s).toString('base64');

async function readAll(xml: string, size?: number) {
  const records: ClaimFileRecord[] = [];
  const envelope = await readClaimFile(streamOf(xml, size), (r) => void records.push(r));
  return { envelope, records };
}

describe('parseTable', () => {
  test.each([
    { type: 'XML1', rows: [{ MA_LK: 'L1', STT: '1', GHI_CHU: '' }] },
    {
      type: 'XML2',
      rows: [
        { MA_LK: 'L1', STT: '1' },
        { MA_LK: 'L1', STT: '2' },
      ],
    },
    { type: 'XML3', rows: [{ MA_LK: 'L1', TEN_DICH_VU: 'Khám & <tư vấn>' }] },
    { type: 'XML3', rows: [] },
  ])('$type with $rows.length row(s) reads back as written', ({ type, rows }) => {
    expect(parseTable(tableXml(type, rows))).toEqual(rows);
  });
});

describe('decodeFileContent', () => {
  test.each([
    { content: '', want: 'XML2.NOIDUNGFILE: is empty' },
    { content: 'not base64!', want: 'XML2.NOIDUNGFILE: is not base64' },
    { content: 'abc', want: 'XML2.NOIDUNGFILE: is not base64' },
    { content: b64('<A><B>1</A>'), want: 'XML2.NOIDUNGFILE: does not decode to well-formed XML' },
    { content: b64(tableXml('XML2', [{ STT: '1' }])), want: 'rows 1' },
    {
      content: `${b64(tableXml('XML2', [{ STT: '1' }])).slice(0, 8)}\n${b64(tableXml('XML2', [{ STT: '1' }])).slice(8)}`,
      want: 'rows 1',
    },
  ])('$content.length chars → $want', ({ content, want }) => {
    const got = decodeFileContent('XML2', content);
    const said =
      'problem' in got ? `${got.problem.field}: ${got.problem.message}` : `rows ${got.rows.length}`;
    expect(said.startsWith(want)).toBe(true);
  });
});

describe('readClaimFile', () => {
  const xml = `${envelopeChunks('56001', [sampleRecord('L1', 1), sampleRecord('L2', 2)]).join('')}</GIAMDINHHS>`;

  test.each([1, 13, 4096])(
    'reads the envelope and each HOSO in order, in chunks of %i characters',
    async (size) => {
      const { envelope, records } = await readAll(xml, size);
      expect(envelope).toMatchObject({
        facilityCode: '56001',
        createdOn: '20261231',
        declaredCount: '2',
        recordCount: 2,
      });
      expect(envelope.signatureXml).toBeUndefined();
      expect(records.map((r) => [r.position, r.maLk, r.stt, r.problems])).toEqual([
        [1, 'L1', '1', []],
        [2, 'L2', '2', []],
      ]);
      expect(records[0]?.tables.XML1?.[0]?.HO_TEN).toBe('Nguyễn Văn A & B');
      expect(records[1]?.tables.XML2).toEqual(sampleRecord('L2', 2).XML2);
    },
  );

  test('UTF-8 bytes split inside a character read the same', async () => {
    const bytes = Buffer.from(xml.replace('56001', 'Đ5600'));
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 5) yield bytes.subarray(i, i + 5);
    }
    const envelope = await readClaimFile(chunks(), () => {});
    expect(envelope.facilityCode).toBe('Đ5600');
  });

  test.each([
    {
      case: 'a repeated MA_LK',
      records: [sampleRecord('L1', 1), sampleRecord('L1', 2)],
      want: 'XML1.MA_LK: repeats the MA_LK of HOSO 1',
    },
    { case: 'no XML1', records: [{ XML2: sampleRecord('L1', 1).XML2 ?? [] }], want: 'XML1: is missing' },
    {
      case: 'an unknown table',
      records: [{ ...sampleRecord('L1', 1), BANG9: [] }],
      want: 'FILEHOSO.LOAIHOSO: "BANG9" is not a table',
    },
  ])('a record with $case is read with its problem named', async ({ records, want }) => {
    const doc = `${envelopeChunks('56001', records).join('')}</GIAMDINHHS>`;
    const { records: read } = await readAll(doc);
    const problems = read.flatMap((r) => r.problems.map((p) => `${p.field}: ${p.message}`));
    expect(problems.some((p) => p.startsWith(want))).toBe(true);
  });

  test.each([
    { case: 'not XML', xml: 'MA_LK,STT\n1,2', want: 'not a Decision 130 envelope' },
    { case: 'another root', xml: '<ROOT/>', want: 'the root element is ROOT' },
    { case: 'unclosed', xml: '<GIAMDINHHS><THONGTINHOSO>', want: 'not a Decision 130 envelope' },
    {
      case: 'no facility',
      xml: '<GIAMDINHHS><THONGTINHOSO/></GIAMDINHHS>',
      want: 'no THONGTINDONVI/MACSKCB',
    },
    {
      case: 'no THONGTINHOSO',
      xml: '<GIAMDINHHS><THONGTINDONVI><MACSKCB>1</MACSKCB></THONGTINDONVI></GIAMDINHHS>',
      want: 'no THONGTINHOSO',
    },
  ])('$case: refused as a whole', async ({ xml: doc, want }) => {
    const error = await readAll(doc).catch((e) => e);
    expect(error).toBeInstanceOf(ClaimFileFormatError);
    expect(error.message).toContain(want);
  });
});
