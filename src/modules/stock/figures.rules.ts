/**
 * The shelf's figures and alerts, pure: stock on hand, average monthly consumption (AMC), months of
 * stock, stock-out days, near expiry, and the max-min suggested order. The date is an argument (today
 * in the profile's time zone); the profile's `stock` key gives the months and days.
 */
import { addDays, daysBetween } from '../../platform/dates.ts';
import { isExpired } from './stock.rules.ts';

/** The profile's stock settings (typed in platform/profile.schema.ts as `stock`). */
export interface StockSettings {
  /** Months of consumption the AMC averages over. */
  amcMonths: number;
  /** Order when months of stock falls below this... */
  minMonths: number;
  /** ...up to this many months of stock. */
  maxMonths: number;
  /** A batch expiring within this many days is near expiry. */
  nearExpiryDays: number;
}

/** The first day of the AMC window: `months` calendar months before `today` (clamped to the month's end). */
export function windowStart(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** What the figures of one medicine at one facility are computed from. */
export interface MedicineFacts {
  /** Units in batches not expired today. */
  usable: number;
  /** Units in every batch (expired ones included): the balance the ledger holds. */
  total: number;
  /** Units dispensed (net of returns) in [windowStart, today). */
  consumed: number;
  /** Net movement per day (every kind), for the days in [windowStart, today] that had one. */
  dailyNet: readonly { date: string; net: number }[];
  /**
   * The stock-out days when already counted from those days (figures.queries.ts dailyFigures, the
   * same walk in SQL); else stockOutDays walks `dailyNet`.
   */
  stockOutDays?: number;
  /** Batches with units: their expiry and units. */
  batches: readonly { expiryDate: string; onHand: number }[];
  /** Units sent to this facility and not yet received. */
  inTransit: number;
}

export const STOCK_STATUSES = ['stock_out', 'below_min', 'ok', 'over_max', 'no_consumption'] as const;
export type StockStatus = (typeof STOCK_STATUSES)[number];

export interface MedicineFigures {
  usable: number;
  expired: number;
  inTransit: number;
  /** Units per month, one decimal; adjusted for the days the shelf was empty. */
  amc: number;
  /** Usable units over AMC, one decimal; null without consumption. */
  monthsOfStock: number | null;
  /** Days in the window that ended with nothing on the shelf. */
  stockOutDays: number;
  nearExpiry: { units: number; earliest: string | null };
  status: StockStatus;
  /** Max-min: when months of stock is below min, order up to max (minus what is in transit); else 0. */
  suggestedOrder: number;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Days in [from, today) whose closing balance was 0, walking back from today's balance through each
 * day's net movement. Days before the first movement the ledger knows of are not counted (nothing had
 * arrived yet: not a stock-out).
 */
export function stockOutDays(
  total: number,
  dailyNet: readonly { date: string; net: number }[],
  from: string,
  today: string,
): number {
  const net = new Map<string, number>();
  for (const d of dailyNet) net.set(d.date, (net.get(d.date) ?? 0) + d.net);
  const firstMovement = [...net.keys()].sort()[0];
  if (firstMovement === undefined) return 0;
  let closing = total - (net.get(today) ?? 0); // yesterday's closing balance
  let out = 0;
  for (let day = addDays(today, -1); day >= from; day = addDays(day, -1)) {
    if (day < firstMovement) break;
    if (closing <= 0) out++;
    closing -= net.get(day) ?? 0;
  }
  return out;
}

/** The figures and the alert status of one medicine at one facility. */
export function medicineFigures(facts: MedicineFacts, today: string, s: StockSettings): MedicineFigures {
  const from = windowStart(today, s.amcMonths);
  const windowDays = Math.max(1, daysBetween(from, today));
  const outDays = facts.stockOutDays ?? stockOutDays(facts.total, facts.dailyNet, from, today);
  // Consumption is what could be dispensed: a month with the shelf empty half the time counts as half.
  const daysWithStock = Math.max(windowDays - outDays, Math.min(windowDays, 7));
  const amc = round1((facts.consumed / daysWithStock) * (windowDays / s.amcMonths));
  const monthsOfStock = amc > 0 ? round1(facts.usable / amc) : null;
  const horizon = addDays(today, s.nearExpiryDays);
  let units = 0;
  let earliest: string | null = null;
  for (const b of facts.batches) {
    if (b.onHand <= 0 || isExpired(b.expiryDate, today) || b.expiryDate > horizon) continue;
    units += b.onHand;
    if (earliest === null || b.expiryDate < earliest) earliest = b.expiryDate;
  }
  const status: StockStatus =
    facts.usable <= 0
      ? 'stock_out'
      : monthsOfStock === null
        ? 'no_consumption'
        : monthsOfStock < s.minMonths
          ? 'below_min'
          : monthsOfStock > s.maxMonths
            ? 'over_max'
            : 'ok';
  return {
    usable: facts.usable,
    expired: facts.total - facts.usable,
    inTransit: facts.inTransit,
    amc,
    monthsOfStock,
    stockOutDays: outDays,
    nearExpiry: { units, earliest },
    status,
    suggestedOrder: suggestedOrder(facts.usable, facts.inTransit, amc, s),
  };
}

/**
 * Max-min: nothing while months of stock (counting what is in transit) is at or above min; below
 * it (or out), enough to reach max months of consumption, in whole units.
 */
export function suggestedOrder(usable: number, inTransit: number, amc: number, s: StockSettings): number {
  if (amc <= 0) return 0;
  const coming = usable + inTransit;
  if (coming / amc >= s.minMonths) return 0;
  return Math.max(0, Math.ceil(s.maxMonths * amc - coming));
}

/** Whether a medicine's figures call for attention: out, below min, or units near expiry. */
export function isAlert(f: MedicineFigures): boolean {
  return f.status === 'stock_out' || f.status === 'below_min' || f.nearExpiry.units > 0;
}
