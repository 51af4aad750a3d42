/**
 * Temporary passwords for invitations: long, and containing every class the pool's policy requires
 * (lower, upper, digit, symbol). The random source is a parameter so the rule is testable.
 */
const classes = [
  'abcdefghijkmnpqrstuvwxyz',
  'ABCDEFGHJKLMNPQRSTUVWXYZ',
  '23456789',
  '!@#$%^&*-_=+?',
] as const;

export const temporaryPassword = (randomInt: (maxExclusive: number) => number, length = 16): string => {
  const pick = (chars: string) => chars[randomInt(chars.length)] ?? '';
  const all = classes.join('');
  const chars = [...classes.map(pick), ...Array.from({ length: length - classes.length }, () => pick(all))];
  // Shuffle so the required classes are not always at the front.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
  }
  return chars.join('');
};
