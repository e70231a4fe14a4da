// The follow-up routes in the OpenAPI document (src/api/openapi.ts), from the schemas the router
// validates with.
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  followUpAidBody,
  followUpCloseBody,
  followUpExportQuery,
  followUpGroupBody,
  followUpListQuery,
  followUpOwnerBody,
  followUpVersionBody,
} from './followUpRouter.js';

const error = z.object({ error: z.string(), message: z.string(), field: z.string().optional() });
const json = (schema: z.ZodTypeAny) => ({ 'application/json': { schema } });
const errors = (codes: Record<string, string>) =>
  Object.fromEntries(Object.entries(codes).map(([code, description]) => [code, { description, content: json(error) }]));

const caseRow = z.object({
  id: z.string(),
  resultId: z.string(),
  contactId: z.string().nullable().describe("the woman of the bot's it is linked to (none: unmatched, or she deleted her data)"),
  hospitalId: z.string(),
  regionId: z.string().describe("the county: the hospital's region"),
  category: z.string(),
  grade: z.string(),
  nextStep: z.string().describe("the profile's next-step text key of the grade"),
  openedOn: z.string(),
  dueOn: z.string(),
  status: z.enum(['open', 'contacted', 'booked', 'done', 'lost', 'closed']).describe('computed from the dates when read'),
  overdue: z.boolean(),
  owner: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  outcome: z.string().nullable(),
  outcomeStage: z.string().nullable(),
  aidState: z.enum(['toPrepare', 'submitted', 'granted', 'refused']).nullable(),
  aidAmountFen: z.number().int().nullable(),
  version: z.number().int().describe('send it back with an action: a case changed meanwhile answers 409'),
});
const idParam = z.object({ id: z.string() });
const done = { 200: { description: "done: the case's new version", content: json(z.object({ id: z.string(), version: z.number().int() })) } };

export function registerFollowUpPaths(registry: OpenAPIRegistry, security: Record<string, string[]>[]): void {
  registry.registerPath({
    method: 'get',
    path: '/api/staff/follow-ups',
    summary: 'The follow-up worklist: cases of abnormal results, by due day',
    security,
    request: { query: followUpListQuery },
    responses: {
      200: {
        description: 'ids and codes only (no names)',
        content: json(
          z.object({
            page: z.number().int(),
            pageSize: z.number().int(),
            total: z.number().int(),
            cases: z.array(caseRow).describe('still to work first (the overdue at the top, by due day), then done, then closed'),
            choices: z
              .object({
                outcomes: z.record(z.array(z.string())).describe("by category: the outcomes a case is closed with (the profile's followUp.outcomes)"),
                staged: z.array(z.string()).describe('the outcomes that take a stage'),
                stages: z.array(z.string()),
                steps: z.record(z.string()).describe('the next steps by their key (nextStep), as named to her'),
              })
              .describe('what the page offers when closing a case'),
          }),
        ),
      },
      ...errors({ 400: 'a bad filter' }),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/staff/follow-ups/export',
    summary: 'The worklist under the same filters as a CSV file for Excel (ids and codes only; audited as an export)',
    security,
    request: { query: followUpExportQuery },
    responses: {
      200: {
        description: 'a CSV file (UTF-8 with a BOM, or GBK): one line per case, in the order of the worklist, at most 5000',
        content: { 'text/csv': { schema: z.string() } },
      },
      ...errors({ 400: 'a bad filter' }),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/staff/follow-ups/{id}',
    summary: 'One follow-up case with its history',
    security,
    request: { params: idParam },
    responses: {
      200: {
        description: 'the case, the aid scheme when it offers a referral, and its events oldest first',
        content: json(
          caseRow.extend({
            aidScheme: z.string().nullable(),
            events: z.array(z.object({ kind: z.string(), detail: z.string().nullable(), actor: z.string(), at: z.string() })),
          }),
        ),
      },
      ...errors({ 404: 'no such case' }),
    },
  });
  const actions: [string, string, z.ZodTypeAny, Record<string, string>][] = [
    ['owner', 'Set who follows the case up', followUpOwnerBody, {}],
    ['contacted', 'Mark that she was contacted', followUpVersionBody, { 409: 'changed meanwhile, closed, or already marked' }],
    ['booked', 'Mark that her next step is booked', followUpVersionBody, { 409: 'changed meanwhile, closed, or already marked' }],
    ['done', 'Mark that her next step was done (its outcome awaited)', followUpVersionBody, { 409: 'changed meanwhile, closed, or already marked' }],
    [
      'close',
      'Close the case with an outcome (a stage for a cancer); may offer an aid referral',
      followUpCloseBody,
      { 409: 'changed meanwhile, or closed', 422: 'an outcome that does not fit the category (field outcome), a stage missing or not taken (field stage)' },
    ],
    ['group', "Mark the woman's priority group (e.g. 低保) on the case", followUpGroupBody, {}],
    [
      'aid',
      'Move the aid referral: toPrepare → submitted → granted (amountFen) or refused',
      followUpAidBody,
      { 409: 'changed meanwhile, or not a transition from its state', 422: 'amountFen missing for granted, or given otherwise' },
    ],
  ];
  for (const [path, summary, body, more] of actions) {
    registry.registerPath({
      method: 'post',
      path: `/api/staff/follow-ups/{id}/${path}`,
      summary,
      security,
      request: { params: idParam, body: { required: true, content: json(body) } },
      responses: { ...done, ...errors({ 400: 'a bad body (the field is named)', 404: 'no such case', 409: 'changed meanwhile', ...more }) },
    });
  }
}
