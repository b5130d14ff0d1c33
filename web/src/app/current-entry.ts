/**
 * The menu entry of the page at `pathname`: the longest one it lies under, so `/residents/new` marks
 * "Register a resident" and not "Residents" as well. Home (`/`) is current only on itself.
 */
export function currentEntry(entries: readonly string[], pathname: string): string | undefined {
  const holds = (to: string) =>
    to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
  return entries.filter(holds).sort((a, b) => b.length - a.length)[0];
}
