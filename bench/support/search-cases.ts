import { nameKey } from '../../src/modules/residents/residents.rules.ts';

/** A generated resident as the population generator makes it (the fields a search case needs). */
export interface Person {
  code: string;
  full_name: string;
  birth_year: number;
}

/** How a health worker may ask for a person; the bench checks each is found near the top. */
export type CaseKind =
  | 'as written'
  | 'without diacritics'
  | 'given name first'
  | 'middle and given name'
  | 'with birth year'
  | 'one letter wrong'
  | 'two letters wrong';

export interface SearchCase {
  kind: CaseKind;
  typed: string;
  person: Person;
}

/**
 * The ways of asking for each person: as written, without diacritics, the family name last, without
 * the family name, with the birth year, with one letter of the given name changed, and with two
 * (one in the family name and one in the given name, or two in a given name of five letters or more).
 */
export function searchCasesOf(people: Person[]): SearchCase[] {
  const cases: SearchCase[] = [];
  for (const person of people) {
    const words = person.full_name.split(' ');
    const plain = nameKey(person.full_name);
    const plainWords = plain.split(' ');
    const add = (kind: CaseKind, typed: string) => cases.push({ kind, typed, person });
    add('as written', person.full_name);
    add('without diacritics', plain);
    if (words.length >= 2) {
      add('given name first', [...plainWords.slice(1), plainWords[0]].join(' '));
      if (words.length >= 3) add('middle and given name', plainWords.slice(1).join(' '));
    }
    add('with birth year', `${plain} ${person.birth_year}`);
    const given = plainWords[plainWords.length - 1]!;
    if (given.length >= 3) {
      const at = given.length - 2;
      const changed = given.slice(0, at) + (given[at] === 'x' ? 'y' : 'x') + given.slice(at + 1);
      add('one letter wrong', [...plainWords.slice(0, -1), changed].join(' '));
      const twice =
        given.length >= 5
          ? [...plainWords.slice(0, -1), changeLetter(changeLetter(given, 1), given.length - 2)]
          : [changeLetter(plainWords[0]!, 1), ...plainWords.slice(1, -1), changed];
      if (plainWords.length >= 2 || given.length >= 5) add('two letters wrong', twice.join(' '));
    }
  }
  return cases;
}

/** The word with its letter at `at` changed (to x, or y where it was x). */
function changeLetter(word: string, at: number): string {
  if (at >= word.length) return word;
  return word.slice(0, at) + (word[at] === 'x' ? 'y' : 'x') + word.slice(at + 1);
}

/**
 * What a case's typed words can tell apart: the whole folded name, or for "middle and given name" the
 * name without its family name (every Nguyễn, Trần and Lê Thị Hoa answers "thi hoa").
 */
export function lookalikeKey(c: SearchCase): string {
  const key = nameKey(c.person.full_name);
  return c.kind === 'middle and given name' ? key.slice(key.indexOf(' ') + 1) : key;
}

/** The lookalike key of a listed name, for the same kind of case. */
function lookalikeOf(c: SearchCase, fullName: string): string {
  const key = nameKey(fullName);
  return c.kind === 'middle and given name' ? key.slice(key.indexOf(' ') + 1) : key;
}

/**
 * Whether a search answered a case well: the person is among the first `top` results, or, when more
 * people look alike to the typed words (`lookalikes`, see lookalikeKey) than fit there, the first `top`
 * all do (nothing typed can tell them apart).
 */
export function rankedWell(
  c: SearchCase,
  results: { code: string | null; fullName: string }[],
  lookalikes: number,
  top = 5,
): boolean {
  const first = results.slice(0, top);
  if (first.some((r) => r.code === c.person.code)) return true;
  if (c.kind === 'with birth year') return false;
  const key = lookalikeKey(c);
  return lookalikes > top && first.length === top && first.every((r) => lookalikeOf(c, r.fullName) === key);
}

/** Cases passed per kind, as "kind: passed/all", and the cases that failed (a few, for reading). */
export function rankingSummary(outcomes: { c: SearchCase; ok: boolean }[]): {
  lines: string[];
  failed: SearchCase[];
  rate: number;
} {
  const byKind = new Map<CaseKind, { ok: number; all: number }>();
  for (const { c, ok } of outcomes) {
    const k = byKind.get(c.kind) ?? { ok: 0, all: 0 };
    k.all++;
    if (ok) k.ok++;
    byKind.set(c.kind, k);
  }
  const passed = outcomes.filter((o) => o.ok).length;
  return {
    lines: [...byKind].map(([kind, k]) => `${kind} ${k.ok}/${k.all}`),
    failed: outcomes.filter((o) => !o.ok).map((o) => o.c),
    rate: outcomes.length === 0 ? 1 : passed / outcomes.length,
  };
}
