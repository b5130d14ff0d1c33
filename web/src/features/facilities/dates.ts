/** Today on this device's calendar as YYYY-MM-DD (not UTC: at 6 a.m. in Hanoi it is already today). */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
