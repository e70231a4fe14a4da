// The booking she asks for right after she was told she may join a programme (好消息！您可以参加两癌
// 免费筛查… then 那帮我约后天上午): the programme's line that holds all of its screenings, as a reminder's
// screening is taken when she answers it. Not when any of her answers took a screening of it away (no
// uterus: only the breast screening), nor for a programme whose lines are each one screening (the
// prenatal ones: which one is hers to say). She still sees it in the confirmation before it is booked.
import type { Profile } from '../../domain/profile/profileSchema.js';
import type { MenuLine } from '../../profiles/bookable.js';

/** How long after the answer her request still follows it. */
export const JUST_MS = 2 * 60 * 60 * 1000;

export interface RecentCheck {
  programme: string;
  eligible: boolean;
  checkedAt: Date;
}

/** The value of the menu line meant, or undefined. `checks`: her latest check of each programme of the menu. */
export function lineJustEligible(
  menu: readonly MenuLine[],
  profile: Profile,
  facts: Readonly<Record<string, unknown>>,
  checks: readonly RecentCheck[],
  now: Date,
): string | undefined {
  const recent = checks.filter((c) => c.eligible && now.getTime() - c.checkedAt.getTime() <= JUST_MS);
  if (recent.length !== 1) return undefined;
  const programme = (profile.programmes as Record<string, Profile['programmes'][keyof Profile['programmes']] | undefined>)[recent[0].programme];
  if (!programme) return undefined;
  // (an exclusion that applies to her: she is offered only part of it)
  const excluded = programme.rules.some((r) => r.type === 'exclusion' && facts[r.fact] === r.when);
  if (excluded) return undefined;
  // (not a further test booked on a result's referral)
  const lines = menu.filter((l) => l.programme === recent[0].programme && !l.referral);
  const services = (l: MenuLine) => l.value.split(',');
  const whole = lines.filter((l) => lines.every((other) => services(other).every((s) => services(l).includes(s))));
  return whole.length === 1 && lines.length > 1 ? whole[0].value : undefined;
}
