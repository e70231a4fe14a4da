// The hand-off inbox routes in the OpenAPI document (src/api/openapi.ts), from the schemas the router
// validates with.
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { errors, json, type StaffSecurity } from '../openapiParts.js';
import { handoffIdParams, handoffListQuery, handoffReplyBody, handoffVersionBody } from './handoffRouter.js';

const handoff = z.object({
  id: z.string(),
  contactId: z.string().describe('the woman (an id: no name, no code)'),
  countyId: z.string(),
  regionId: z.string().describe('her township, or the county when her township is unknown'),
  regionName: z.string().nullable().describe('the name of that township (or county)'),
  reason: z.enum(['asked', 'stuck']).describe('asked: she wrote 人工; stuck: the bot could not read her answers three times in a row'),
  status: z.enum(['open', 'claimed', 'closed']),
  claimedBy: z.string().nullable().describe('the staff account that claimed it'),
  claimedByName: z.string().nullable().describe("that account's display name (null: the emergency token)"),
  claimedAt: z.string().nullable(),
  escalatedAt: z.string().nullable().describe("escalated to the county: nobody claimed it within the profile's office minutes"),
  closedBy: z.string().nullable(),
  closedByName: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int().describe('send it back with claim, release or close: a request changed meanwhile answers 409'),
});
const line = z.object({
  id: z.string(),
  from: z.enum(['woman', 'bot', 'staff']),
  text: z.string(),
  accountId: z.string().nullable().describe('the staff account of a staff line'),
  accountName: z.string().nullable().describe("that account's display name"),
  at: z.string(),
});
const one = { 200: { description: 'the request as it is now', content: json(z.object({ handoff })) } };

export function registerHandoffPaths(registry: OpenAPIRegistry, security: StaffSecurity): void {
  registry.registerPath({
    method: 'get',
    path: '/api/staff/handoffs',
    summary: "The hand-off inbox: women's requests for staff in the account's scope, oldest first (or newest first)",
    security,
    request: { query: handoffListQuery },
    responses: {
      200: { description: 'ids only (no names)', content: json(z.object({ handoffs: z.array(handoff), more: z.boolean() })) },
      ...errors({ 400: 'a bad filter', 503: 'the profile has no handoff section' }),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/staff/handoffs/counts',
    summary: "What waits in the account's scope (the console's menu count): counts only",
    security,
    responses: {
      200: {
        description: 'waiting: open, nobody claimed it; escalated: of those, escalated to the county; mine: claimed by the account',
        content: json(z.object({ waiting: z.number().int(), escalated: z.number().int(), mine: z.number().int() })),
      },
      ...errors({ 503: 'the profile has no handoff section' }),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/staff/handoffs/{id}',
    summary: 'One request with her conversation so far (a view of her record: audited as woman.view)',
    security,
    request: { params: handoffIdParams },
    responses: {
      200: { description: 'the request and her chat lines, oldest first', content: json(z.object({ handoff, lines: z.array(line) })) },
      ...errors({ 404: 'no such request in the account’s scope' }),
    },
  });
  const actions = {
    claim: 'Claims an open request: her next messages come to the claimer',
    release: 'Gives a claimed request back to the inbox (its claimer, or a county administrator)',
    close: 'Closes it (its claimer, or a county administrator): she is told the bot answers again',
  };
  for (const [action, summary] of Object.entries(actions)) {
    registry.registerPath({
      method: 'post',
      path: `/api/staff/handoffs/{id}/${action}`,
      summary,
      security,
      request: { params: handoffIdParams, body: { content: json(handoffVersionBody) } },
      responses: {
        ...one,
        ...errors({
          400: 'a bad body',
          403: 'claimed by another account',
          404: 'no such request in the account’s scope',
          409: 'changed meanwhile (send the version read), closed or not claimed',
        }),
      },
    });
  }
  registry.registerPath({
    method: 'post',
    path: '/api/staff/handoffs/{id}/reply',
    summary: "The claimer's reply: sent to her private chat through the outbox, ahead of notices and bulk; audited",
    security,
    request: { params: handoffIdParams, body: { content: json(handoffReplyBody) } },
    responses: {
      200: { description: 'queued; her conversation holds it as a staff line', content: json(z.object({ lineId: z.string() })) },
      ...errors({
        400: 'a bad body',
        403: 'claimed by another account',
        404: 'no such request in the account’s scope',
        409: 'not claimed, closed, or her chat is not private (SMS)',
      }),
    },
  });
}
