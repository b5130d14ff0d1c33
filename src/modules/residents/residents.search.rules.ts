import { PINYIN_SYLLABLES } from './pinyin-syllables.ts';
import { nameKey } from './residents.rules.ts';

/**
 * Pure rules of the counter search: which typed words a misspelling may stand for, the btree range of
 * an area subtree, and whether a typed term is an insurance card number.
 */

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Keys longer than this get no variants (a thousand or so index probes at most). */
const MAX_VARIANT_LENGTH = 40;

/**
 * Every string one edit away from `word` (a letter dropped, added or changed, or two neighbours
 * swapped), without `word` itself, over the letters of normalised name keys (lower case, no accents;
 * `withSpace` adds the space, for a whole name key: "nguyenvan an" -> "nguyen van an").
 * The search looks these up as exact index keys: a few hundred equality probes cost a millisecond,
 * where a trigram scan over a province of names with little entropy costs seconds.
 *
 * @example
 * oneEditVariants('bihn').includes('binh') // swapped neighbours
 * oneEditVariants('hoy').includes('hoa')   // one letter changed
 */
export function oneEditVariants(word: string, withSpace = false): string[] {
  if (word.length === 0 || word.length > MAX_VARIANT_LENGTH) return [];
  const letters = withSpace ? `${LETTERS} ` : LETTERS;
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail.length > 0) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const c of letters) {
      out.add(head + c + tail);
      if (tail.length > 0 && c !== tail[0]) out.add(head + c + tail.slice(1));
    }
  }
  out.delete(word);
  return [...out].filter((v) => v.trim() === v && v !== '' && !v.includes('  '));
}

/**
 * The btree range holding an area path and all its descendants: ltree compares label by label, and
 * within a label byte-wise with the shorter first, so `P <= path < P0` (the last label followed by
 * '0', the smallest label character of PostgreSQL 15) holds exactly P's subtree there. Where labels
 * may also hold '-' (PostgreSQL 16 and later), a sibling "P-x" falls inside too: callers keep the
 * `<@` condition beside the range, which stays exact.
 */
export function subtreeRange(path: string): { from: string; to: string } {
  return { from: path, to: `${path}0` };
}

/** A typed insurance card number, if it is one under the profile's pattern (spaces, dots, dashes dropped). */
export function cardNumberOf(raw: string, pattern: string | undefined): string | undefined {
  if (!pattern) return undefined;
  const compact = raw.replace(/[\s.-]/g, '').toUpperCase();
  return new RegExp(pattern).test(compact) ? compact : undefined;
}

/** The 10-digit social insurance number printed on newer cards (the last 10 characters of the card number). */
export function socialInsuranceNumberOf(value: string): string | undefined {
  return /^\d{10}$/.test(value) ? value : undefined;
}

/** A typed name, normalised: the whole key, its first and last words, and how many words. */
export interface NameKeys {
  key: string;
  family: string;
  given: string;
  tokens: number;
}

/** How a country's names may be asked for: profile data (`names` in protocols/profiles/*.json). */
export interface NameSearchRules {
  /** Names also typed in this romanisation of their characters ("li ming" for 李明). */
  phonetic?: 'pinyin';
  /** Family names written differently by region, as name keys ("vu" and "vo" for Vũ and Võ). */
  familyVariants?: readonly (readonly string[])[];
}

/** A Chinese character's pinyin (no tones), and its reading as a family name (单: dan, as a surname shan). */
export interface HanReading {
  reading: string;
  surname: string;
}

/**
 * Every index key a typed name may stand for, by stage (rank order in the search):
 * `wholes` the whole name exactly, `prefixes` the whole name followed by more (a one-word name by more
 * words: "pham" -> Phạm Minh Khôi; a longer one by more letters too: "nguyen van an" -> Nguyễn Văn
 * Anh), `partials` a one-word name as the start of a longer word ("hoa" -> Hoàng), ranked low,
 * `rests` the name without its family name,
 * `pairs` a family name with a given name's start, `givens` a given name's start alone, and
 * `familyVariants` the regional spellings of a typed family name, with its given name (a near miss).
 * `spelled` are the typed words as written (lower case, NFC), to rank the exact spelling first.
 */
export interface NameQuery {
  primary: NameKeys;
  wholes: string[];
  prefixes: string[];
  partials: string[];
  rests: string[];
  pairs: { family: string; given: string }[];
  givens: string[];
  familyVariants: { family: string; given: string }[];
  spelled: string[];
}

const HAN = /\p{Script=Han}/u;

/** Chinese family names of two characters, in pinyin (the database's list has their characters). */
const COMPOUND_SURNAMES: ReadonlySet<string> = new Set([
  'ouyang',
  'sima',
  'zhuge',
  'shangguan',
  'dongfang',
  'huangfu',
  'yuchi',
  'gongsun',
  'murong',
  'linghu',
  'zhangsun',
  'yuwen',
  'situ',
  'xiahou',
  'xuanyuan',
  'duanmu',
  'dugu',
  'nangong',
  'ximen',
  'baili',
  'huyan',
  'tantai',
  'shentu',
  'moqi',
  'wenren',
  'helian',
  'zuoqiu',
  'dongguo',
  'taishi',
  'zhongli',
  'chunyu',
  'chanyu',
  'gongye',
  'puyang',
  'zongzheng',
  'zhongsun',
  'sikong',
  'qiguan',
  'sikou',
  'ziju',
  'tuoba',
  'diwu',
]);
const MAX_WHOLES = 8;

/**
 * Reads a typed name (without its birth year) into the keys the search looks up:
 * - any order: as typed, and with the last word first ("An Nguyễn" and "Văn An Nguyễn" as written on
 *   forms are "nguyen an", "nguyen van an"); the middle and given name without the family name;
 * - Chinese: characters by their readings (`readings`, from the database's `han_reading`), family name
 *   first (one character, two for a compound surname are both tried), or the given name alone
 *   ("秀英" -> "xiuying"); pinyin with or without spaces or tones ("liming", "lǐ míng" -> "li ming").
 *
 * @example
 * nameQueryOf('an nguyen', {}).pairs // [{ family: 'an', given: 'nguyen' }, { family: 'nguyen', given: 'an' }]
 * nameQueryOf('liming', { phonetic: 'pinyin' }).wholes // ['liming', 'li ming']
 */
export function nameQueryOf(
  text: string,
  rules: NameSearchRules,
  readings: ReadonlyMap<string, HanReading> = new Map(),
): NameQuery | undefined {
  const cleaned = text.normalize('NFC').replace(/[^\p{L}\s]/gu, ' ');
  const key = nameKey(cleaned);
  if (!key) return undefined;
  const words = key.split(' ');
  const n = words.length;
  const q: NameQuery = {
    primary: { key, family: words[0]!, given: words[n - 1]!, tokens: n },
    wholes: [],
    prefixes: [],
    partials: [],
    rests: [],
    pairs: [],
    givens: [],
    familyVariants: [],
    spelled: spelledWords(cleaned),
  };
  const hasHan = HAN.test(cleaned);
  if (!hasHan) {
    q.wholes.push(key);
    if (n === 1) q.givens.push(key);
    else {
      const lastFirst = [words[n - 1]!, ...words.slice(0, n - 1)];
      q.wholes.push(lastFirst.join(' '));
      q.rests.push(words.join(' '));
      if (n >= 3) q.rests.push(words.slice(0, n - 1).join(' '));
      q.pairs.push({ family: words[0]!, given: words[n - 1]! });
      q.pairs.push({ family: words[n - 1]!, given: words[n - 2]! });
    }
  }
  for (const syllables of syllableReadings(cleaned, key, hasHan, rules, readings)) {
    const plain = syllables.map((s) => s.reading);
    const asFamily = syllables.map((s, i) => (i === 0 ? s.surname : s.reading));
    q.givens.push(plain.join(''));
    if (plain.length === 1) q.wholes.push(asFamily[0]!);
    for (let k = 1; k <= Math.min(2, plain.length - 1); k++) {
      const family = asFamily.slice(0, k).join('');
      if (k === 2 && !COMPOUND_SURNAMES.has(family)) continue;
      const given = plain.slice(k).join('');
      q.wholes.push(`${family} ${given}`);
      q.pairs.push({ family, given });
    }
  }
  for (const pair of q.pairs) {
    for (const group of rules.familyVariants ?? []) {
      if (!group.includes(pair.family)) continue;
      for (const family of group)
        if (family !== pair.family) q.familyVariants.push({ family, given: pair.given });
    }
  }
  q.wholes = unique(q.wholes).slice(0, MAX_WHOLES);
  q.prefixes = q.wholes.map((w) => (w.includes(' ') ? w : `${w} `));
  q.partials = q.wholes.filter((w) => !w.includes(' '));
  q.rests = unique(q.rests);
  q.givens = unique(q.givens).filter((g) => g !== '');
  q.pairs = uniqueBy(q.pairs, (p) => `${p.family} ${p.given}`);
  q.familyVariants = uniqueBy(q.familyVariants, (p) => `${p.family} ${p.given}`);
  if (hasHan && q.wholes.length > 0) {
    const first = q.wholes[0]!.split(' ');
    q.primary = {
      key: q.wholes[0]!,
      family: first[0]!,
      given: first[first.length - 1]!,
      tokens: first.length,
    };
  }
  return q;
}

/** The readings of what was typed, as syllables: characters by their readings, pinyin split by syllables. */
function syllableReadings(
  cleaned: string,
  key: string,
  hasHan: boolean,
  rules: NameSearchRules,
  readings: ReadonlyMap<string, HanReading>,
): HanReading[][] {
  if (hasHan) {
    const chars = [...cleaned.replace(/\s+/g, '')];
    return [
      chars.map((ch) => {
        const r = readings.get(ch);
        return r ?? { reading: nameKey(ch), surname: nameKey(ch) };
      }),
    ];
  }
  if (rules.phonetic !== 'pinyin') return [];
  // Each word split into syllables (a few ways at most), the words' splits one after the other.
  let ways: string[][] = [[]];
  for (const word of key.split(' ')) {
    const splits = pinyinSplits(word.replace(/v/g, 'u'));
    if (splits.length === 0) return [];
    ways = ways.flatMap((w) => splits.map((s) => [...w, ...s])).slice(0, 4);
  }
  return ways.map((w) => w.map((s) => ({ reading: s, surname: s })));
}

/**
 * The ways a word splits into pinyin syllables, fewest syllables first, at most four ways.
 *
 * @example pinyinSplits('xian') // [['xian'], ['xi', 'an']]
 */
export function pinyinSplits(word: string): string[][] {
  if (!/^[a-z]+$/.test(word)) return [];
  // ends[i]: the syllables starting at i that leave a rest which splits too (so the walk never backtracks
  // far on a word that does not split, however long).
  const ends: number[][] = Array.from({ length: word.length + 1 }, () => []);
  const splits = new Array<boolean>(word.length + 1).fill(false);
  splits[word.length] = true;
  for (let at = word.length - 1; at >= 0; at--) {
    for (let end = Math.min(word.length, at + 6); end > at; end--) {
      if (splits[end] && PINYIN_SYLLABLES.has(word.slice(at, end))) ends[at]!.push(end);
    }
    splits[at] = ends[at]!.length > 0;
  }
  const out: string[][] = [];
  const walk = (at: number, taken: string[]) => {
    if (out.length >= 16) return;
    if (at === word.length) {
      out.push(taken);
      return;
    }
    for (const end of ends[at]!) walk(end, [...taken, word.slice(at, end)]);
  };
  if (splits[0]) walk(0, []);
  return out.sort((a, b) => a.length - b.length).slice(0, 4);
}

/** The typed words as written, lower case: what ranks the exact spelling (diacritics, characters) first. */
function spelledWords(cleaned: string): string[] {
  return unique(
    cleaned
      .toLowerCase()
      .split(/\s+/)
      .filter((w) => w !== ''),
  );
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function uniqueBy<T>(values: T[], key: (v: T) => string): T[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const k = key(v);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
