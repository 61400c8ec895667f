/**
 * Months as WeChat's server-domain quota counts them: calendar months in China Standard Time (UTC+8,
 * no daylight saving time).
 */
const CHINA_OFFSET_MS = 8 * 3_600_000;

export interface ChinaMonth {
  /** Epoch milliseconds of its first instant. */
  readonly start: number;
  /** Epoch milliseconds of the next month's first instant. */
  readonly end: number;
}

/** The China month `monthsAgo` months before the one holding `epochMs` (0: that month itself). */
export function chinaMonth(epochMs: number, monthsAgo = 0): ChinaMonth {
  const local = new Date(epochMs + CHINA_OFFSET_MS);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() - monthsAgo;
  return { start: Date.UTC(year, month, 1) - CHINA_OFFSET_MS, end: Date.UTC(year, month + 1, 1) - CHINA_OFFSET_MS };
}

/** `2026-12-01T00:00:00+08:00`: an instant written as China's wall clock shows it. */
export function chinaTimeIso(epochMs: number): string {
  return `${new Date(epochMs + CHINA_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}
