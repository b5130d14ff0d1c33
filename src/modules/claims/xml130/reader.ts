/**
 * Reads a Decision 130 envelope as it streams (saxes): the facility, each HOSO with its FILEHOSO
 * tables decoded from base64 and parsed into rows of fields, the digest of THONGTINHOSO and the
 * CHUKYDONVI element for the signature check (signature.ts). One HOSO is held at a time: a record
 * goes to `onRecord` (awaited, in file order) once its `</HOSO>` has been read.
 */
import { SaxesParser } from 'saxes';
import { CanonicalSubtree, EnvelopeDigest } from './signature.ts';

/** One row of a table: field name → its text as written (trimmed of nothing). */
export type FieldValues = Record<string, string>;

/** A problem of one record, naming the field (`XML2[3].DON_GIA`: table, row, field) or the part. */
export interface RecordProblem {
  field: string;
  message: string;
}

/** One HOSO as read: its tables by LOAIHOSO (XML1, XML2, ...), each a list of rows. */
export interface ClaimFileRecord {
  /** 1-based position of the HOSO in the file. */
  position: number;
  /** MA_LK and STT of its XML1 row ('' when missing). */
  maLk: string;
  stt: string;
  tables: Record<string, FieldValues[]>;
  /** Problems found in decoding (base64, XML, a repeated table or MA_LK); the schema check adds its own. */
  problems: RecordProblem[];
}

/** The envelope around the records, known once the file has been read. */
export interface ClaimFileEnvelope {
  facilityCode: string;
  /** NGAYLAP as written (yyyyMMdd). */
  createdOn: string;
  /** SOLUONGHOSO as written. */
  declaredCount: string;
  recordCount: number;
  /** SHA-256 (base64) of THONGTINHOSO's canonical form; undefined when it is missing or unclosed. */
  digest: string | undefined;
  /** The canonical text of CHUKYDONVI; undefined when the file has none. */
  signatureXml: string | undefined;
}

/** The file cannot be read as an envelope at all (not XML, another root, no facility). */
export class ClaimFileFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClaimFileFormatError';
  }
}

/** Limits on what one record may hold in memory. */
export const READ_LIMITS = { fileContentChars: 8_000_000, signatureChars: 64_000, rowsPerTable: 5_000 };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Parses one decoded table (`<TONG_HOP>…`, `<CHITIEU_CHITIET_THUOC><DSACH_CHI_TIET_THUOC><CHI_TIET_THUOC>…`):
 * a row is an element whose children are fields (elements holding only text; an empty `DSACH_…` list is none).
 */
export function parseTable(xml: string): FieldValues[] {
  const parser = new SaxesParser({ position: false });
  const stack: { name: string; text: string; fields: FieldValues; hasChildren: boolean }[] = [];
  const rows: FieldValues[] = [];
  parser.on('opentag', (t) => {
    const parent = stack[stack.length - 1];
    if (parent) parent.hasChildren = true;
    stack.push({ name: t.name, text: '', fields: {}, hasChildren: false });
  });
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on('cdata', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on('closetag', () => {
    const el = stack.pop();
    const parent = stack[stack.length - 1];
    if (!el) return;
    if (!el.hasChildren) {
      // An empty list (DSACH_…) is no field of its table.
      if (parent && !el.name.startsWith('DSACH')) parent.fields[el.name] = el.text;
    } else if (Object.keys(el.fields).length > 0) {
      if (rows.length >= READ_LIMITS.rowsPerTable)
        throw new Error(`more than ${READ_LIMITS.rowsPerTable} rows`);
      rows.push(el.fields);
    }
  });
  parser.write(xml).close();
  return rows;
}

/** Decodes one FILEHOSO: the rows of its table, or the problem naming it. */
export function decodeFileContent(
  type: string,
  base64: string,
): { rows: FieldValues[] } | { problem: RecordProblem } {
  const field = `${type || 'FILEHOSO'}.NOIDUNGFILE`;
  const compact = base64.replace(/\s+/g, '');
  if (compact === '') return { problem: { field, message: 'is empty: the table must be base64 of its XML' } };
  if (!BASE64.test(compact) || compact.length % 4 !== 0)
    return { problem: { field, message: 'is not base64' } };
  const xml = Buffer.from(compact, 'base64').toString('utf8');
  try {
    return { rows: parseTable(xml) };
  } catch (e) {
    return { problem: { field, message: `does not decode to well-formed XML: ${(e as Error).message}` } };
  }
}

interface Open {
  position: number;
  files: { type: string; content: string; tooLong: boolean }[];
}

/**
 * Reads an envelope from a stream of text (or UTF-8 bytes), calling `onRecord` for each HOSO in order.
 * Throws a ClaimFileFormatError when the file is not an envelope; the records' problems and the
 * signature are for the caller to judge.
 */
export async function readClaimFile(
  source: AsyncIterable<string | Uint8Array>,
  onRecord: (record: ClaimFileRecord) => Promise<void> | void,
): Promise<ClaimFileEnvelope> {
  const parser = new SaxesParser();
  const digest = new EnvelopeDigest();
  const signatureParts: string[] = [];
  let signatureChars = 0;
  const signature = new CanonicalSubtree('CHUKYDONVI', (piece) => {
    signatureChars += piece.length;
    if (signatureChars > READ_LIMITS.signatureChars) throw new Error('CHUKYDONVI is too long');
    signatureParts.push(piece);
  });
  const path: string[] = [];
  const envelope = { facilityCode: '', createdOn: '', declaredCount: '' };
  let text = '';
  let open: Open | undefined;
  let position = 0;
  const done: Open[] = [];

  parser.on('opentag', (t) => {
    if (path.length === 0 && t.name !== 'GIAMDINHHS')
      throw new Error(`the root element is ${t.name}, not GIAMDINHHS`);
    path.push(t.name);
    text = '';
    digest.subtree.open(t.name, t.attributes as Record<string, string>);
    signature.open(t.name, t.attributes as Record<string, string>);
    if (t.name === 'HOSO' && digest.subtree.inside) open = { position: ++position, files: [] };
    if (t.name === 'FILEHOSO' && open) open.files.push({ type: '', content: '', tooLong: false });
  });
  const onText = (t: string) => {
    digest.subtree.text(t);
    signature.text(t);
    const file = open?.files[open.files.length - 1];
    if (file && path[path.length - 1] === 'NOIDUNGFILE') {
      if (file.content.length + t.length > READ_LIMITS.fileContentChars) file.tooLong = true;
      else file.content += t;
    } else if (text.length < 1000) text += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (t) => {
    const where = path.join('/');
    digest.subtree.close(t.name);
    signature.close(t.name);
    const value = text.trim();
    if (where === 'GIAMDINHHS/THONGTINDONVI/MACSKCB') envelope.facilityCode = value;
    else if (where === 'GIAMDINHHS/THONGTINHOSO/NGAYLAP') envelope.createdOn = value;
    else if (where === 'GIAMDINHHS/THONGTINHOSO/SOLUONGHOSO') envelope.declaredCount = value;
    else if (t.name === 'LOAIHOSO' && open) {
      const file = open.files[open.files.length - 1];
      if (file) file.type = value;
    } else if (t.name === 'HOSO' && open) {
      done.push(open);
      open = undefined;
    }
    path.pop();
    text = '';
  });

  const seen = new Map<string, number>();
  const flush = async () => {
    for (const o of done.splice(0)) {
      const record = toRecord(o);
      if (record.maLk) {
        const first = seen.get(record.maLk);
        if (first !== undefined)
          record.problems.push({ field: 'XML1.MA_LK', message: `repeats the MA_LK of HOSO ${first}` });
        else seen.set(record.maLk, record.position);
      }
      await onRecord(record);
    }
  };
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of source) {
      parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
      await flush();
    }
    parser.write(decoder.decode()).close();
    await flush();
  } catch (e) {
    if (e instanceof ClaimFileFormatError) throw e;
    const message = (e as Error).message.replace(/^undefined:/, '');
    throw new ClaimFileFormatError(
      `the file is not a Decision 130 envelope (line ${parser.line}, column ${parser.column}): ${message}`,
    );
  }
  if (!envelope.facilityCode) throw new ClaimFileFormatError('the envelope has no THONGTINDONVI/MACSKCB');
  if (!digest.subtree.complete) throw new ClaimFileFormatError('the envelope has no THONGTINHOSO');
  return {
    ...envelope,
    recordCount: position,
    digest: digest.digest(),
    signatureXml: signature.complete ? signatureParts.join('') : undefined,
  };
}

function toRecord(o: Open): ClaimFileRecord {
  const tables: Record<string, FieldValues[]> = {};
  const problems: RecordProblem[] = [];
  for (const file of o.files) {
    const type = file.type;
    if (!/^XML\d{1,2}$/.test(type)) {
      problems.push({
        field: 'FILEHOSO.LOAIHOSO',
        message: `"${type.slice(0, 20)}" is not a table (XML0 to XML15)`,
      });
      continue;
    }
    if (tables[type]) {
      problems.push({ field: `${type}`, message: 'appears twice in the HOSO' });
      continue;
    }
    if (file.tooLong) {
      problems.push({
        field: `${type}.NOIDUNGFILE`,
        message: `is over ${READ_LIMITS.fileContentChars} characters`,
      });
      continue;
    }
    const decoded = decodeFileContent(type, file.content);
    if ('problem' in decoded) problems.push(decoded.problem);
    else tables[type] = decoded.rows;
  }
  const summary = tables.XML1?.[0];
  if (!tables.XML1 && !problems.some((p) => p.field.startsWith('XML1')))
    problems.push({ field: 'XML1', message: 'is missing: every HOSO has its summary table' });
  return {
    position: o.position,
    maLk: summary?.MA_LK?.trim() ?? '',
    stt: summary?.STT?.trim() ?? '',
    tables,
    problems,
  };
}

/**
 * The facility code of an envelope (THONGTINDONVI/MACSKCB), reading no further than it: the upload
 * learns whose file it is before the whole file is judged. Throws a ClaimFileFormatError.
 */
export async function readEnvelopeFacility(source: AsyncIterable<string | Uint8Array>): Promise<string> {
  const parser = new SaxesParser();
  const path: string[] = [];
  let text = '';
  let code: string | undefined;
  parser.on('opentag', (t) => {
    if (path.length === 0 && t.name !== 'GIAMDINHHS')
      throw new Error(`the root element is ${t.name}, not GIAMDINHHS`);
    path.push(t.name);
    text = '';
  });
  parser.on('text', (t) => {
    if (text.length < 100) text += t;
  });
  parser.on('closetag', () => {
    if (path.join('/') === 'GIAMDINHHS/THONGTINDONVI/MACSKCB') code = text.trim();
    path.pop();
  });
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of source) {
      parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
      if (code !== undefined || path.includes('THONGTINHOSO')) break;
    }
  } catch (e) {
    throw new ClaimFileFormatError(
      `the file is not a Decision 130 envelope (line ${parser.line}, column ${parser.column}): ${(e as Error).message.replace(/^undefined:/, '')}`,
    );
  }
  if (!code) throw new ClaimFileFormatError('the envelope has no THONGTINDONVI/MACSKCB before THONGTINHOSO');
  return code;
}
