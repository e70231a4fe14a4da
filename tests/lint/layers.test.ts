// The layer rule in eslint.config.js fails the lint on each crossing design.md forbids, and lets
// the allowed directions through. Linted as text under a path of the layer, with the real config.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function restricted(filePath: string, importPath: string): Promise<boolean> {
  const [result] = await eslint.lintText(`import { x } from '${importPath}';\nexport const y = x;\n`, { filePath });
  return result.messages.some((m) => m.ruleId === 'no-restricted-imports');
}

describe('layer rule (eslint no-restricted-imports)', () => {
  it.each([
    // domain imports only domain
    ['src/domain/eligibility/a.ts', '../../profiles/loadProfiles.js', true],
    ['src/domain/eligibility/a.ts', '../../services/booking/BookingService.js', true],
    ['src/domain/eligibility/a.ts', '../../db/client.js', true],
    ['src/domain/parse/a.ts', '../../support/clock.js', true],
    ['src/domain/parse/a.ts', 'node:fs', true],
    ['src/domain/parse/a.ts', '@prisma/client', true],
    ['src/domain/eligibility/a.ts', '../calendarDay.js', false],
    ['src/domain/eligibility/a.ts', '../profile/profileSchema.js', false],
    ['src/domain/parse/a.ts', 'zod', false],
    ['src/domain/booking/a.ts', 'node:crypto', true],
    ['src/domain/booking/a.ts', 'https', true],
    // services never import flows, channels, api, jobs, app or a generated client
    ['src/services/outbox/a.ts', '../../channels/channel.js', true],
    ['src/services/booking/a.ts', '../../flows/engine.js', true],
    ['src/services/a.ts', '../api/validate.js', true],
    ['src/services/a.ts', '../app/createApp.js', true],
    ['src/services/reminders/a.ts', '../../../generated/sqlite/index.js', true],
    ['src/services/reminders/a.ts', '../../db/client.js', false],
    ['src/services/reminders/a.ts', '../outbox/enqueueMessage.js', false],
    // channels import only the ports of services
    ['src/channels/wechat/a.ts', '../../services/outbox/OutboxDispatcher.js', true],
    ['src/channels/a.ts', '../services/booking/BookingService.js', true],
    ['src/channels/a.ts', '../services/outbox/senderPort.js', false],
    ['src/channels/a.ts', '../db/client.js', true],
    // without an extension too (the bundler resolution and tsx accept it)
    ['src/channels/a.ts', '../services/booking/BookingService', true],
    ['src/channels/a.ts', '../services/outbox/senderPort', false],
    ['src/services/outbox/a.ts', '../../channels/channel', true],
    // flows reach the database only through services
    ['src/flows/booking/a.ts', '../../db/client.js', true],
    ['src/flows/booking/a.ts', '../../services/booking/BookingService.js', false],
    // support is below every layer but domain
    ['src/support/a.ts', '../services/booking/BookingService.js', true],
    ['src/support/a.ts', '../domain/calendarDay.js', false],
    ['src/profiles/a.ts', '../db/client.js', true],
    // only main.ts imports the composition root
    ['src/api/staff/a.ts', '../../app/createApp.js', true],
    ['src/flows/a.ts', '../app/createApp.js', true],
    ['src/jobs/a.ts', '../app/reminderWiring.js', true],
    ['src/main.ts', './app/createApp.js', false],
  ])('%s importing %s: restricted %s', async (file, imported, expected) => {
    expect(await restricted(file, imported)).toBe(expected);
  });
});
