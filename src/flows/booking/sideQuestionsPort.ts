// What the side questions (src/flows/sideQuestions.ts) read: the profile's questions and screenings,
// the county's hospitals and booking menu, and her booked visit, through the booking port.
import { shanghaiDay } from '../../domain/calendarDay.js';
import type { Profile } from '../../domain/profile/profileSchema.js';
import { bookingMenu, hospitalServices } from '../../profiles/bookable.js';
import type { SideQuestionsPort } from '../sideQuestions.js';
import type { BookingPort } from './bookingPort.js';
import type { BookingTexts } from './bookingTexts.js';

const squeeze = (w: string) => w.replace(/[\s（）()]/g, '').toLowerCase();

export function sideQuestionsPort(profile: Profile, port: BookingPort, texts: BookingTexts): SideQuestionsPort {
  const county = texts.county;
  const menu = bookingMenu(profile, county);
  const screenings = new Map(
    Object.entries(profile.programmes).flatMap(([programme, p]) => p.screenings.map((s) => [s.id, { programme, name: s.name, cost: s.cost }] as const)),
  );
  // the words that name a service: a menu line's words and label (up to its bracket), a screening's name
  const names: { word: string; services: string[] }[] = [
    ...menu.flatMap((l) => [...l.words, l.label.split(/[（(]/)[0]].map((word) => ({ word: squeeze(word), services: l.value.split(',') }))),
    ...Object.values(profile.programmes).flatMap((p) => p.screenings.map((s) => ({ word: squeeze(s.name), services: [s.id] }))),
  ].filter((n) => n.word.length >= 2);
  const offered = new Set(menu.flatMap((l) => l.value.split(',')));
  return {
    questions: profile.sideQuestions,
    named(text) {
      const s = squeeze(text);
      return [...new Set(names.filter((n) => s.includes(n.word)).flatMap((n) => n.services))];
    },
    async visit(contactId, now) {
      const today = shanghaiDay(now);
      const visit = texts
        .visits(await port.active(contactId))
        .filter((v) => v[0].status === 'confirmed' && v[0].day >= today)
        .sort((a, b) => a[0].day.localeCompare(b[0].day))[0];
      return visit && { serviceIds: visit.map((b) => b.serviceId), hospitalId: visit[0].hospitalId, line: texts.line(visit) };
    },
    hospitals(serviceIds, hospitalId) {
      const own = county.hospitals.filter((h) => h.id === hospitalId);
      if (own.length > 0) return own;
      const providing = county.hospitals.filter((h) => serviceIds.every((s) => hospitalServices(h).includes(s)));
      return providing.length > 0 ? providing : county.hospitals;
    },
    screening: (id) => screenings.get(id),
    paid: () => [...screenings.entries()].filter(([id, s]) => s.cost && offered.has(id)).map(([id]) => id),
  };
}
