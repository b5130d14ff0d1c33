/**
 * Tests only: reads a Decision 130 envelope back with saxes (the export tests' check of what was
 * written; the import proper is claim-file-import's streaming reader). Each NOIDUNGFILE is decoded
 * from base64 and parsed into its records (element name -> text).
 */
import { SaxesParser } from 'saxes';

export interface ParsedEnvelope {
  macskcb: string;
  ngaylap: string;
  soLuongHoSo: string;
  hoSo: Record<string, Record<string, string>[]>[];
  signature: string;
}

/** The leaf elements of an XML document grouped into records: the leaves of one element are a record. */
export function parseRecords(xml: string): { root: string; records: Record<string, string>[] } {
  const parser = new SaxesParser();
  const stack: { name: string; hasChild: boolean; record?: Record<string, string> }[] = [];
  const records: Record<string, string>[] = [];
  let text = '';
  let root = '';
  parser.on('opentag', (t) => {
    if (!root) root = t.name;
    const parent = stack[stack.length - 1];
    if (parent) parent.hasChild = true;
    stack.push({ name: t.name, hasChild: false });
    text = '';
  });
  parser.on('text', (t) => {
    text += t;
  });
  parser.on('closetag', () => {
    const el = stack.pop();
    const parent = stack[stack.length - 1];
    if (el && !el.hasChild && parent) {
      if (!parent.record) {
        parent.record = {};
        records.push(parent.record);
      }
      parent.record[el.name] = text;
    }
    text = '';
  });
  parser.write(xml).close();
  return { root, records };
}

export function parseEnvelope(xml: string): ParsedEnvelope {
  const parser = new SaxesParser();
  const path: string[] = [];
  const out: ParsedEnvelope = { macskcb: '', ngaylap: '', soLuongHoSo: '', hoSo: [], signature: '' };
  let text = '';
  let loai = '';
  let hoSo: Record<string, Record<string, string>[]> | null = null;
  parser.on('opentag', (t) => {
    path.push(t.name);
    text = '';
    if (t.name === 'HOSO') hoSo = {};
  });
  parser.on('text', (t) => {
    text += t;
  });
  parser.on('closetag', (t) => {
    const inSignature = path.includes('CHUKYDONVI') && t.name !== 'CHUKYDONVI';
    path.pop();
    if (inSignature) out.signature += `<${t.name}/>`;
    else if (t.name === 'MACSKCB') out.macskcb = text;
    else if (t.name === 'NGAYLAP') out.ngaylap = text;
    else if (t.name === 'SOLUONGHOSO') out.soLuongHoSo = text;
    else if (t.name === 'LOAIHOSO') loai = text;
    else if (t.name === 'NOIDUNGFILE' && hoSo)
      hoSo[loai] = parseRecords(Buffer.from(text, 'base64').toString('utf8')).records;
    else if (t.name === 'HOSO' && hoSo) {
      out.hoSo.push(hoSo);
      hoSo = null;
    }
    text = '';
  });
  parser.write(xml).close();
  return out;
}
