// Calendar days in Asia/Shanghai (UTC+8, no daylight saving): the day a woman lives in.
const OFFSET_MS = 8 * 60 * 60 * 1000;

/** The Asia/Shanghai calendar day ('YYYY-MM-DD') of an instant. */
export function shanghaiDay(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant at `hour:minute` Asia/Shanghai on a calendar day. */
export function shanghaiTime(day: string, hour: number, minute = 0): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - OFFSET_MS + (hour * 60 + minute) * 60_000);
}
