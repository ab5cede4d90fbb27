/**
 * How a secret shows on screen: shortened, so that a screenshot or a screen share never
 * carries a usable token or secret. The copy buttons copy the whole value.
 */
export function shortenSecret(value: string, keep = 8): string {
  if (value.length <= keep * 2 + 3) return '•'.repeat(Math.min(value.length, 12));
  return `${value.slice(0, keep)}…${value.slice(-4)}`;
}
