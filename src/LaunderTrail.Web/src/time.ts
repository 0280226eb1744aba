// Instants are handled as epoch milliseconds and shown in the case's own UTC offset (the facts' offset),
// so the slider reads the way the evidence does whatever the browser's time zone.

const offsetPattern = /(Z|[+-]\d\d:\d\d)$/;

/** The UTC offset an ISO-8601 timestamp is written in, e.g. "+08:00" ("Z" reads as "+00:00"). */
export function offsetOf(iso: string): string {
  const match = offsetPattern.exec(iso);
  return !match || match[1] === 'Z' ? '+00:00' : (match[1] ?? '+00:00');
}

function offsetMinutes(offset: string): number {
  const sign = offset.startsWith('-') ? -1 : 1;
  const [hours, minutes] = offset.slice(1).split(':').map(Number);
  return sign * ((hours ?? 0) * 60 + (minutes ?? 0));
}

/** ISO-8601 with the given offset, to the second: 2019-05-15T00:00:00+08:00. */
export function toIso(ms: number, offset: string): string {
  const local = new Date(ms + offsetMinutes(offset) * 60_000).toISOString().slice(0, 19);
  return `${local}${offset}`;
}

/** The instant at which the local day (in the offset) containing ms begins. */
export function startOfDay(ms: number, offset: string): number {
  const shift = offsetMinutes(offset) * 60_000;
  const day = 86_400_000;
  return Math.floor((ms + shift) / day) * day - shift;
}

/** "2019-05-15 00:00" in the offset, for people. */
export function showInstant(ms: number, offset: string): string {
  return toIso(ms, offset).slice(0, 16).replace('T', ' ');
}
