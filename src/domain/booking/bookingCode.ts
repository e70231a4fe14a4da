// Booking codes she shows at the hospital: short, uppercase, without the look-alikes 0/O and 1/I.
// A visit that books several services at once has one code she is told (e.g. XC7K3P); each booking
// of the visit stores it with a suffix after the first (XC7K3P, XC7K3P-2, XC7K3P-3), because every
// stored code is unique. Staff may type the visit code (all its bookings) or a suffixed one.

export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 6;

/** A random value in [0, 1), injected so tests are repeatable. */
export type RandomSource = () => number;

export function generateBookingCode(random: RandomSource, length = CODE_LENGTH): string {
  let code = '';
  for (let i = 0; i < length; i++) {
    const r = random();
    const k = Math.min(CODE_ALPHABET.length - 1, Math.max(0, Math.floor(r * CODE_ALPHABET.length)));
    code += CODE_ALPHABET[k];
  }
  return code;
}

/** The stored codes of a visit of `count` bookings: [base, base-2, …]. */
export function visitCodes(base: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => (i === 0 ? base : `${base}-${i + 1}`));
}

/** The code she was told for the visit a stored code belongs to. */
export function visitCodeOf(code: string): string {
  const dash = code.indexOf('-');
  return dash < 0 ? code : code.slice(0, dash);
}

/**
 * What staff or she typed, as a stored code: full-width letters and digits folded, spaces dropped,
 * uppercase. Undefined when it cannot be a code (wrong characters or length).
 */
export function normalizeBookingCode(input: string): string | undefined {
  const s = input
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[‐‑‒–—－]/g, '-')
    .toUpperCase();
  const m = /^([A-Z0-9]+)(?:-(\d{1,2}))?$/.exec(s);
  if (!m || m[1].length !== CODE_LENGTH) return undefined;
  for (const ch of m[1]) if (!CODE_ALPHABET.includes(ch)) return undefined;
  return s;
}
