import { daysBetween } from '../../platform/dates.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalidFields } from '../../platform/http/errors.ts';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import type { CountryProfile } from '../../platform/profile.ts';
import { inScope, type Scope } from '../access/index.ts';
import { populationOf, requireArea } from '../areas/index.ts';
import { coveragePercent, coverageTarget } from './coverage.rules.ts';
import {
  countExpiringCards,
  coverageCounts,
  type ExpiringWindow,
  expiringCardRows,
} from './insurance.queries.ts';
import type {
  CoverageQuery,
  CoverageReportType,
  ExpiringCountQuery,
  ExpiringCountType,
  ExpiringListType,
  ExpiringQuery,
} from './insurance.schema.ts';
import { expiringWindow, toCard } from './insurance.service.ts';
import { activeResidentIdsIn, residentContactsByIds, residentIdsActiveOn } from './residents.refs.ts';

/** Figures of an area are only whole inside one's scope: refuse rather than count part of it. */
async function requireAreaInScope(db: Db, idOrCode: string, scope: Scope) {
  const area = await requireArea(db, idOrCode, 'query.area');
  if (!inScope(area.path, scope)) {
    throw new AppError(
      'forbidden',
      `The area ${area.code} (${area.name}) is outside your scope: ask for an area you work in`,
    );
  }
  return area;
}

/** What coverage counts by: the card's beneficiary groups, or the enrolments' schemes. */
function coverageGroups(profile: CountryProfile): string[] {
  const { card, reimbursement } = profile.insurance;
  return [...(card?.groups.map((g) => g.code) ?? []), ...(reimbursement?.schemes.map((s) => s.id) ?? [])];
}

/**
 * Insurance coverage of an area on a date: the residents who lived there and were active on that date
 * (from their status history, see residentIdsActiveOn) holding an active card valid on it (optionally
 * of one beneficiary group, or one scheme under a profile of enrolments), over those residents and over the area's population figure for the
 * year, against the profile's targets; with the insured by beneficiary group.
 */
export async function coverageOf(
  db: Db,
  profile: CountryProfile,
  q: CoverageQuery,
  today: string,
  scope: Scope = { all: true, paths: [] },
): Promise<CoverageReportType> {
  const groups = coverageGroups(profile);
  if (q.group !== undefined && !groups.includes(q.group)) {
    throw invalidFields([
      { field: 'query.group', message: `unknown group ${q.group}: one of ${groups.join(', ')}` },
    ]);
  }
  const area = await requireAreaInScope(db, q.area, scope);
  const date = q.date ?? today;
  const counts = await coverageCounts(db, { date, residentIds: residentIdsActiveOn(area.path, date) });
  const people = await populationOf(db, area.path, Number(date.slice(0, 4)));
  const active = counts.active;
  const insured = counts.byGroup
    .filter((g) => !q.group || g.group === q.group)
    .reduce((sum, g) => sum + g.insured, 0);
  const percent = coveragePercent(insured, active);
  const target = coverageTarget(profile.insurance.coverageTargets, Number(date.slice(0, 4)));
  return {
    area: { id: area.id, code: area.code, name: area.name, level: area.level },
    date,
    group: q.group ?? null,
    insuredResidents: insured,
    activeResidents: active,
    coveragePercent: percent,
    byGroup: counts.byGroup.map((g) => ({
      group: g.group,
      insuredResidents: g.insured,
      coveragePercent: coveragePercent(g.insured, active),
    })),
    population: people.population,
    populationCoveragePercent: coveragePercent(insured, people.population),
    target: target ? { ...target, met: percent === null ? null : percent >= target.percent } : null,
    targets: profile.insurance.coverageTargets,
  };
}

/** Residents of an area whose card ends within `days` days of the date and who hold no later card. */
export async function expiringCards(
  db: Db,
  q: ExpiringQuery,
  today: string,
  scope: Scope = { all: true, paths: [] },
): Promise<ExpiringListType> {
  const window = await expiringWindowIn(db, q, today, scope);
  const limit = q.limit ?? 50;
  const cursor = decodeCursor(q.cursor);
  const [rows, total] = await Promise.all([
    expiringCardRows(db, {
      ...window,
      limit,
      after: cursor ? { validTo: String(cursor.v), id: cursor.id } : undefined,
    }),
    countExpiringCards(db, window),
  ]);
  const page = toPage(
    rows,
    limit,
    (r) => r.valid_to,
    (r) => r,
    total,
  );
  const contacts = await residentContactsByIds(
    db,
    page.items.map((r) => r.resident_id),
  );
  return {
    from: window.from,
    to: window.to,
    ...page,
    items: page.items.map((r) => ({
      residentId: r.resident_id,
      resident: contacts.get(r.resident_id) ?? { fullName: '', phone: null, address: null },
      card: toCard(r),
      daysLeft: daysBetween(window.from, r.valid_to),
    })),
  };
}

/** How many residents' cards the expiring list holds: a home page's figure, without the list. */
export async function countOfExpiringCards(
  db: Db,
  q: ExpiringCountQuery,
  today: string,
  scope: Scope = { all: true, paths: [] },
): Promise<ExpiringCountType> {
  const window = await expiringWindowIn(db, q, today, scope);
  return { from: window.from, to: window.to, total: await countExpiringCards(db, window) };
}

async function expiringWindowIn(
  db: Db,
  q: ExpiringCountQuery,
  today: string,
  scope: Scope,
): Promise<ExpiringWindow> {
  const area = await requireAreaInScope(db, q.area, scope);
  const { from, to } = expiringWindow(q, today);
  return { areaPath: area.path, from, to, residentIds: activeResidentIdsIn(db, area.path) };
}
