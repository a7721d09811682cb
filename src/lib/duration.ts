// Durations as analysts write them in config and flags: 30s, 10m, 6h, 7d.

const UNITS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
export const DURATION_PATTERN = /^(\d+)(s|m|h|d)$/;

/** Milliseconds in `text`, or undefined when it is not a duration. */
export function parseDuration(text: string): number | undefined {
  const found = DURATION_PATTERN.exec(text.trim());
  if (!found) return undefined;
  const amount = Number(found[1]);
  const ms = amount * UNITS[found[2] as keyof typeof UNITS];
  return amount > 0 ? ms : undefined;
}
