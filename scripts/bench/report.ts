// Printing one database's benchmark result.
export interface BenchResult {
  provider: string;
  attempts: number;
  inFlight: number;
  /** Service attempts per second. */
  rate: number;
  p50: number;
  p99: number;
  bookings: number;
  full: number;
  other: number;
  overbooked: number;
  /** Pools whose booked count differs from their active bookings. */
  mismatched: number;
  driverRate: number;
  driverTaken: number;
  ratio: number;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function printResult(r: BenchResult): void {
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  console.log(
    [
      `${r.provider}:`,
      `  service: ${Math.round(r.rate)} attempts/s, p50 ${ms(r.p50)}, p99 ${ms(r.p99)}, bookings ${r.bookings}, full ${r.full}, other ${r.other}`,
      `  overbooked seats: ${r.overbooked} (pools whose count disagrees with their bookings: ${r.mismatched})`,
      `  driver (same conditional write, ${r.provider === 'sqlite' ? 'better-sqlite3' : 'pg'}): ${Math.round(r.driverRate)} writes/s (${r.driverTaken} seats taken)`,
      `  ratio service/driver: ${(r.ratio * 100).toFixed(1)}%`,
    ].join('\n'),
  );
}
