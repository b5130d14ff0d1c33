import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines, type TestEngine } from '../../../test/support/engines.ts';
import { DISTRICT_568, registerAreas } from '../../../test/support/places.ts';
import { importCsvOk } from '../../../test/support/requests.ts';

interface Row {
  id: string;
  fullName: string;
}
interface Page {
  items: Row[];
  nextCursor: string | null;
  total: { count: number; exact: boolean };
}

const CARDS = 12;
const HEADER = 'code,citizen_id,full_name,sex,birth_date,household_code,relationship,area_code';

/** The people of the two communes: a common name, its near names and misspellings, and many others. */
const PEOPLE: [name: string, count: number, commune: string][] = [
  ['Nguyễn Văn An', 30, '56801'],
  ['Nguyễn Văn An', 15, '56802'],
  ['Nguyễn Văn Anh', 6, '56801'], // the typed name as a prefix
  ['Nguyễn Thị An', 4, '56802'], // the same family and given name
  ['Nguyễn Văn Ai', 3, '56801'], // one letter away
  ['Trần Thị Hoa', 1010, '56801'],
];

async function page(t: TestEngine, url: string): Promise<Page> {
  const res = await t.inject({ url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Follows nextCursor from the first page to the last, returning every page. */
async function allPages(t: TestEngine, url: string): Promise<Page[]> {
  const pages = [await page(t, url)];
  for (let last = pages[0]!; last.nextCursor; ) {
    last = await page(t, `${url}&cursor=${encodeURIComponent(last.nextCursor)}`);
    pages.push(last);
    expect(pages.length).toBeLessThan(100);
  }
  return pages;
}

const ids = (pages: Page[]) => pages.flatMap((p) => p.items.map((r) => r.id));

/**
 * Lists say what they cut: a ranked search with more matches than the page pages on in its ranking
 * order and meets everyone once, and every list answers a total, exact up to the count's cap and a
 * lower bound past it.
 */
describeOnBothEngines('list paging and totals', (t) => {
  beforeAll(async () => {
    await registerAreas(t(), DISTRICT_568);
    const lines = [HEADER];
    let n = 0;
    for (const [name, count, commune] of PEOPLE)
      for (let i = 0; i < count; i++) lines.push(`P${++n},,${name},,1980,,,${commune}`);
    const report = await importCsvOk(t(), 'residents', lines.join('\n'));
    expect(report).toMatchObject({ created: n, rejected: [] });
    // Twelve cards ending in December 2025, one a day from the 10th.
    const cards = ['card_number,resident_code,valid_from,valid_to'];
    for (let i = 1; i <= CARDS; i++)
      cards.push(
        `HS479${String(i).padStart(10, '0')},P${i},2025-01-01,2025-12-${String(9 + i).padStart(2, '0')}`,
      );
    expect(await importCsvOk(t(), 'insurance-cards', cards.join('\n'))).toMatchObject({
      created: CARDS,
      rejected: [],
    });
  });

  test('a common name pages on past the limit, each match once, in the order of one long page', async () => {
    const url = '/api/residents?q=nguyen%20van%20an&limit=7';
    const pages = await allPages(t(), url);
    expect(pages[0]!.nextCursor).not.toBeNull();
    expect(pages[0]!.items).toHaveLength(7);
    const paged = ids(pages);
    expect(new Set(paged).size).toBe(paged.length);
    const whole = await page(t(), '/api/residents?q=nguyen%20van%20an&limit=500');
    expect(whole.nextCursor).toBeNull();
    expect(paged).toEqual(whole.items.map((r) => r.id));
    const names = whole.items.map((r) => r.fullName);
    // Exact names first, then the near ones, then the misspellings.
    expect(names.slice(0, 45)).toEqual(Array(45).fill('Nguyễn Văn An'));
    expect(names.filter((x) => x === 'Nguyễn Văn Anh')).toHaveLength(6);
    expect(names.filter((x) => x === 'Nguyễn Thị An')).toHaveLength(4);
    expect(names.slice(-3)).toEqual(Array(3).fill('Nguyễn Văn Ai'));
    expect(whole.total).toEqual({ count: 58, exact: true });
    expect(pages[pages.length - 1]!.total).toEqual({ count: 58, exact: true });
    // A page filled before the misspellings were looked for counts the rest, as a lower bound.
    expect(pages[0]!.total).toEqual({ count: 55, exact: false });
  });

  test('a search in one commune pages within it', async () => {
    const pages = await allPages(t(), '/api/residents?q=nguyen%20van%20an&area=56802&limit=4');
    const names = pages.flatMap((p) => p.items.map((r) => r.fullName));
    expect(names).toHaveLength(19);
    expect(new Set(ids(pages)).size).toBe(19);
    expect(names.filter((x) => x === 'Nguyễn Văn An')).toHaveLength(15);
  });

  test('totals are exact below the cap and a lower bound above it', async () => {
    expect((await page(t(), '/api/residents?area=56802&limit=5')).total).toEqual({ count: 19, exact: true });
    expect((await page(t(), '/api/residents?limit=5')).total).toEqual({ count: 1000, exact: false });
    // A search counts a name's exact matches up to 200.
    const common = await page(t(), '/api/residents?q=tran%20thi%20hoa&limit=5');
    expect(common.total).toEqual({ count: 200, exact: false });
    expect(common.nextCursor).not.toBeNull();
    expect((await page(t(), '/api/areas?level=commune&limit=1')).total).toEqual({ count: 2, exact: true });
  });

  test('the plain list pages through everyone once', async () => {
    const pages = await allPages(t(), '/api/residents?area=56802&limit=6');
    expect(ids(pages)).toHaveLength(19);
    expect(new Set(ids(pages)).size).toBe(19);
  });

  test('the expiring cards page on, and their count endpoint agrees with the list', async () => {
    const window = 'area=56&date=2025-12-01&days=30';
    const pages = await allPages(t(), `/api/insurance-cards/expiring?${window}&limit=5`);
    expect(pages.map((p) => p.items.length)).toEqual([5, 5, 2]);
    expect(
      new Set(pages.flatMap((p) => p.items.map((i) => (i as unknown as { card: Row }).card.id))).size,
    ).toBe(CARDS);
    expect(pages[0]!.total).toEqual({ count: CARDS, exact: true });
    const count = await page(t(), `/api/insurance-cards/expiring/count?${window}`);
    expect(count).toEqual({ from: '2025-12-01', to: '2025-12-31', total: { count: CARDS, exact: true } });
    const fewer = await page(t(), '/api/insurance-cards/expiring/count?area=56&date=2025-12-01&days=10');
    expect(fewer).toMatchObject({ total: { count: 2, exact: true } });
  });

  test("a list's cursor is refused by a search", async () => {
    const list = await page(t(), '/api/residents?area=56802&limit=6');
    const res = await t().inject({
      url: `/api/residents?q=nguyen&cursor=${encodeURIComponent(list.nextCursor!)}`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('query.cursor');
  });
});
