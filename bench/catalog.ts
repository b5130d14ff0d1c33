/**
 * Catalogue searches at the size of a full national ICD-10 catalogue (about 40,000 codes, as the
 * Ministry of Health's): the shipped subset plus synthetic codes with names in three languages,
 * imported through the catalogue's own upsert, then searches as a picker sends them (code prefixes,
 * words without accents in Vietnamese and English, Chinese characters), each timed.
 *
 * Usage: npm run bench:catalog [-- --codes 40000 --searches 300]   (BENCH_DATABASE_URL: a PostgreSQL
 * database to use instead of an in-memory embedded one; it is filled and left as it is).
 * Prints figures; asserts nothing.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { searchDiagnoses } from '../src/modules/catalog/catalog.service.ts';
import { upsertDiagnoses } from '../src/modules/catalog/catalog.write.queries.ts';
import { type DatabaseHandle, openServerDatabase, wrapPGlite } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { openPGlite } from '../src/platform/db/pglite.ts';
import { percentile } from './support/demo-database.ts';

const { values } = parseArgs({
  options: { codes: { type: 'string', default: '40000' }, searches: { type: 'string', default: '300' } },
});

const VI = [
  'viêm',
  'đau',
  'nhiễm',
  'khuẩn',
  'gãy',
  'xương',
  'tổn',
  'thương',
  'bệnh',
  'phổi',
  'tim',
  'thận',
  'gan',
  'da',
  'mắt',
  'tai',
  'mũi',
  'họng',
  'dạ',
  'dày',
  'ruột',
  'máu',
  'não',
  'cấp',
  'mạn',
  'tính',
  'không',
  'đặc',
  'hiệu',
];
const EN = [
  'inflammation',
  'pain',
  'infection',
  'bacterial',
  'fracture',
  'bone',
  'injury',
  'disease',
  'lung',
  'heart',
  'kidney',
  'liver',
  'skin',
  'eye',
  'ear',
  'nose',
  'throat',
  'stomach',
  'intestine',
  'blood',
  'brain',
  'acute',
  'chronic',
  'unspecified',
  'other',
];
const ZH = [
  '炎',
  '痛',
  '感染',
  '细菌性',
  '骨折',
  '骨',
  '损伤',
  '病',
  '肺',
  '心脏',
  '肾',
  '肝',
  '皮肤',
  '眼',
  '耳',
  '鼻',
  '咽',
  '胃',
  '肠',
  '血',
  '脑',
  '急性',
  '慢性',
  '未特指',
  '其他',
];

/** A fixed pseudo-random sequence (the same figures run after run). */
function lcg(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

function syntheticCodes(n: number) {
  const rand = lcg(7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const rows = [];
  const letters = 'ABCDEFGHIJKLMNOPQRSTVWXYZ';
  for (let i = 0; rows.length < n; i++) {
    const letter = letters[Math.floor(i / 1600) % letters.length]!;
    const head = `${letter}${String(Math.floor(i / 16) % 100).padStart(2, '0')}`;
    const code = `${head}.${(i % 16).toString(16).toUpperCase()}${i % 3 === 0 ? 'X' : ''}`;
    const words = 3 + Math.floor(rand() * 5);
    rows.push({
      code,
      name_vi: Array.from({ length: words }, () => pick(VI)).join(' '),
      name_en: Array.from({ length: words }, () => pick(EN)).join(' '),
      name_zh: Array.from({ length: words }, () => pick(ZH)).join(''),
      catalogue: 'bench',
    });
  }
  return rows;
}

async function open(): Promise<DatabaseHandle> {
  const url = process.env.BENCH_DATABASE_URL;
  return url ? openServerDatabase(url, 2) : wrapPGlite(await openPGlite(undefined));
}

async function main(): Promise<void> {
  const handle = await open();
  try {
    await migrateToLatest(handle.db);
    const n = Number(values.codes);
    const t0 = performance.now();
    // As an import of the national catalogue would: multi-row upserts of 500.
    await upsertDiagnoses(handle.db, syntheticCodes(n), 'import');
    const loaded = performance.now() - t0;
    const count = await handle.db
      .selectFrom('diagnosis')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    console.log(
      `${handle.engine}: ${count.n} diagnoses (${n} synthetic imported in ${(loaded / 1000).toFixed(1)} s)`,
    );

    const queries = [
      ...['I1', 'E11', 'e119', 'J0', 'A9', 'S5', 'Z3', 'B08.4'].map((q) => ({ q, shape: 'code prefix' })),
      ...['tang huyet ap', 'viem phoi', 'dai thao duong', 'gay xuong', 'nhiem khuan cap'].map((q) => ({
        q,
        shape: 'vi words',
      })),
      ...['hypertension', 'acute infection', 'chronic kidney', 'fracture'].map((q) => ({
        q,
        shape: 'en words',
      })),
      ...['高血压', '慢性', '骨折', '感染'].map((q) => ({ q, shape: 'zh characters' })),
    ];
    const searches = Number(values.searches);
    const times = new Map<string, number[]>();
    for (let i = 0; i < searches; i++) {
      const { q, shape } = queries[i % queries.length]!;
      const start = performance.now();
      await searchDiagnoses(handle.db, { q, limit: 20 });
      const list = times.get(shape) ?? [];
      list.push(performance.now() - start);
      times.set(shape, list);
    }
    console.log('search shape      n    p50 ms   p95 ms   max ms');
    for (const [shape, list] of times) {
      list.sort((a, b) => a - b);
      console.log(
        `${shape.padEnd(16)} ${String(list.length).padStart(3)} ${percentile(list, 50).toFixed(1).padStart(9)} ${percentile(list, 95).toFixed(1).padStart(8)} ${list[list.length - 1]!.toFixed(1).padStart(8)}`,
      );
    }
  } finally {
    await handle.close();
  }
}

await main();
