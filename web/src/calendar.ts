/**
 * Calendar dates as the API writes them ('YYYY-MM-DD'), shared by every feature. The arithmetic and
 * the country's "today" are the server's own pure code (src/platform/dates.ts), imported, not copied.
 */
export { addDays, daysBetween, isIsoDate, todayIn } from '../../src/platform/dates.ts';
