// A separate OS process booking against a shared database, for the two-process race test:
//   node --import tsx tests/services/booking/bookWorker.ts <url> <contactPrefix> <from> <count> <inFlight>
// Connects, prints "ready" and waits for "go" on stdin (so two workers start together however long
// each took to load), books contacts <prefix>-<from> … for the days 2026-03-03 + (i % 10), and
// prints one JSON line: { ok, full, other }.
import readline from 'node:readline';
import { openDb } from '../../../src/db/client.js';
import { addDays } from '../../../src/domain/calendarDay.js';
import { bookingSettingsSchema } from '../../../src/domain/profile/profileSchema.js';
import { BookingService } from '../../../src/services/booking/BookingService.js';

const [url, prefix, fromArg, countArg, inFlightArg] = process.argv.slice(2);
const from = Number(fromArg);
const count = Number(countArg);
const inFlight = Number(inFlightArg);
const now = new Date('2026-03-02T09:00:00+08:00');

const h = openDb(url);
const service = new BookingService({
  db: h.db,
  settings: bookingSettingsSchema.parse({}),
  texts: {
    waitlistOffer: '',
    offerExpired: '',
    noShow: '',
    closed: '',
    waitlistEnded: '',
    sessions: { am: 'am', pm: 'pm' },
    weekdays: ['1', '2', '3', '4', '5', '6', '7'],
  },
});
await h.db.$queryRaw`SELECT 1`;
process.stdout.write('ready\n');
const rl = readline.createInterface({ input: process.stdin });
await new Promise<void>((resolve) => rl.on('line', (line) => line.trim() === 'go' && resolve()));
rl.close();

const tally = { ok: 0, full: 0, other: 0 };
let next = from;
await Promise.all(
  Array.from({ length: inFlight }, async () => {
    while (next < from + count) {
      const i = next++;
      const r = await service.book({
        contactId: `${prefix}-${i}`,
        hospitalId: 'h-county',
        serviceIds: ['cervical'],
        day: addDays('2026-03-03', i % 10),
        session: 'am',
        now,
        regionIds: [],
        priority: false,
      });
      if (r.ok) tally.ok++;
      else if (r.reason === 'full') tally.full++;
      else tally.other++;
    }
  }),
);
await h.close();
process.stdout.write(`${JSON.stringify(tally)}\n`);
