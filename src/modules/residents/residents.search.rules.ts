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
