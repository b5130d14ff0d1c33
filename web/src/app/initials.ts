/** The avatar's letters: the first letters of the first two words ("Nguyễn Văn An" → "NV"). */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/);
  const letters = words.length === 1 ? [...words[0]!].slice(0, 2) : words.slice(0, 2).map((w) => [...w][0]);
  return letters.join('').toLocaleUpperCase();
}
