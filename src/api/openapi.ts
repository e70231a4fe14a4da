// The OpenAPI document of the hospital and staff HTTP APIs, generated from the zod schemas the
// routes validate with (so it cannot drift from what they accept), served at GET /api/openapi.json.
// Every staff and hospital route the app mounts is in it (tests/api/openapiCoverage.db.test.ts reads
// the running app's routes): the results and indicators here, capacity and attendance in openapiCapacity.ts.
import { extendZodWithOpenApi, OpenAPIRegistry, OpenApiGeneratorV3 } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { z } from 'zod';
import { resultRecordSchema } from '../services/results/resultRecord.js';
import { MAX_RESULTS_PER_REQUEST } from './hospital/resultsRouter.js';
import { indicatorQuery } from './staff/indicatorsRouter.js';
import { droppedFilter } from './staff/reminderRouter.js';
import { resultListFilter, resultMatchBody } from './staff/resultsRouter.js';
import { MAX_UPLOAD_MB, uploadQueryShape } from './staff/resultUploadRouter.js';
import { MAX_UPLOAD_ROWS } from '../services/results/ResultUpload.js';
import { dayListQuery } from './validate.js';
import { registerFollowUpPaths } from './staff/followUpOpenApi.js';
import { registerBotAccountPaths } from './staff/botAccountOpenApi.js';
import { registerHandoffPaths } from './staff/handoffOpenApi.js';
import { registerSmsPaths } from './smsOpenApi.js';
import { registerCapacityViewPaths } from './staff/capacityViewOpenApi.js';

// (the generator reads its metadata through zod's prototype: added once, for every schema)
extendZodWithOpenApi(z);

import { errors, json } from './openapiParts.js';
import { registerCapacityPaths } from './openapiCapacity.js';
import { registerStaffScopePaths } from './openapiStaffScope.js';
import { registerStaffAccessPaths } from './openapiStaffAccess.js';

const ingestOutcome = z.object({
  hospitalResultId: z.string(),
  outcome: z.enum(['stored', 'duplicate', 'corrected', 'refused']),
  resultId: z.string().optional(),
  match: z.enum(['matched', 'unmatched']).optional(),
  status: z.enum(['sent', 'held', 'released', 'toldInPerson', 'notSent']).optional(),
  reason: z
    .string()
    .optional()
    .describe(
      'why it was refused, or why no woman was matched (no_visit_code, unknown_visit_code, other_hospital, unknown_id_number, id_number_ambiguous, id_number_needs_visit_code, no_visit_that_day, code_and_id_differ)',
    ),
});
const resultRow = z.object({
  id: z.string(),
  hospitalId: z.string(),
  hospitalResultId: z.string(),
  category: z.string(),
  grade: z.string(),
  abnormal: z.boolean(),
  testDate: z.string(),
  contactId: z.string().nullable(),
  matchState: z.enum(['matched', 'unmatched', 'unlinked']),
  unmatchedReason: z.string().nullable(),
  status: z.string(),
  version: z.number().int(),
  receivedAt: z.string(),
  heldAt: z.string().nullable().describe('when it was last held (a correction held again starts its deadline afresh)'),
  deadline: z
    .string()
    .nullable()
    .describe(
      "the last day (YYYY-MM-DD, Asia/Shanghai) it may be held: the profile's working days after the day it was held, by the holiday and 调休 calendar",
    ),
  escalatedAt: z
    .string()
    .nullable()
    .describe('when it was escalated to the county, its deadline past while it was held (it stays held: nothing is sent to her)'),
});
const idParam = z.object({ id: z.string() });
const rate = z
  .object({
    numerator: z.number().int(),
    denominator: z.number().int(),
    percent: z.number().nullable().describe('rounded half up to 2 decimals; null when the denominator is 0'),
  })
  .describe('numerator ÷ denominator');
const screeningFigures = z.object({
  screened: z.number().int().describe('women with a primary screen in the period (each woman once)'),
  abnormal: z.number().int(),
  abnormalRate: rate.describe('异常率: abnormal ÷ screened'),
  followedUp: z.number().int().describe('abnormal women with a case closed with a diagnostic outcome'),
  followUpRate: rate.describe('随访率: followed up ÷ abnormal'),
  lost: z.number().int().describe('closed lost to follow-up'),
  lostRate: rate.describe('失访率: lost ÷ abnormal'),
  refused: z.number().int(),
  movedAway: z.number().int(),
  open: z.number().int().describe('still in follow-up'),
  lesions: z.number().int().describe('cervix: CIN2+ or cancer; breast: cancer'),
  earlyLesions: z.number().int().describe('cervix: CIN2+ or cancer of stage 0/I; breast: cancer of stage 0/I'),
  earlyDiagnosisRate: rate.describe('早诊率: early lesions ÷ lesions'),
});
const perTest = z.object({ any: z.number().int(), serum: z.number().int(), nt: z.number().int(), nipt: z.number().int() });
const indicatorReport = z.object({
  region: z.object({ id: z.string(), name: z.string(), level: z.string(), counties: z.array(z.string()) }),
  from: z.string(),
  to: z.string(),
  cervical: screeningFigures,
  breast: screeningFigures,
  prenatal: z.object({
    registered: z.number().int().describe('pregnancies registered in the period'),
    screened: perTest.describe('women screened, per test'),
    highRisk: perTest.describe('women with a high-risk result (serum high, NT thick, NIPT high), per test'),
    diagnosed: z.number().int().describe('high-risk women with a prenatal diagnosis (confirmed + excluded)'),
    confirmed: z.number().int(),
    excluded: z.number().int(),
    interventionRate: rate.describe('干预率: diagnosed ÷ high risk'),
  }),
  aid: z
    .object({
      offered: z.number().int(),
      toPrepare: z.number().int(),
      submitted: z.number().int(),
      granted: z.number().int(),
      refused: z.number().int(),
      grantedAmountFen: z.number().int().describe('the amounts granted, in fen'),
    })
    .describe("aid (救助) referrals of the cases of the period's results, each in its state now"),
});
const problem = z.object({
  reason: z
    .string()
    .describe(
      'missing_value, missing_column, bad_value, bad_date, unknown_category, bad_id_number, no_name, too_long, ascus_needs_hpv, differs_without_correction, correction_changes_test, not_taken …',
    ),
  column: z.string().describe('the column as headed in the file'),
  message: z.string().describe('for staff, in Chinese (profiles/imports/results.yaml)'),
});
const uploadReport = z.object({
  hospitalId: z.string(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.enum(['utf-8', 'gb18030']).optional().describe('a CSV file: detected'),
  takeGoodRows: z.boolean(),
  taken: z.enum(['all', 'goodRows', 'none']).describe('none: nothing was stored (bad rows, and takeGoodRows was false)'),
  columns: z.object({ used: z.array(z.object({ column: z.string(), field: z.string() })), ignored: z.array(z.string()) }),
  notes: z.array(z.object({ reason: z.string(), message: z.string() })),
  totals: z.object({
    rows: z.number().int(),
    stored: z.number().int(),
    duplicate: z.number().int(),
    corrected: z.number().int(),
    refused: z.number().int(),
    notTaken: z.number().int(),
    matched: z.number().int(),
    unmatched: z.number().int(),
    held: z.number().int(),
  }),
  rows: z.array(
    z.object({
      row: z.number().int().describe('as staff see it in Excel'),
      hospitalResultId: z.string().optional(),
      outcome: z.enum(['stored', 'duplicate', 'corrected', 'refused', 'notTaken']),
      resultId: z.string().optional(),
      match: z.enum(['matched', 'unmatched']).optional(),
      status: z.enum(['sent', 'held', 'released', 'toldInPerson', 'notSent']).optional(),
      unmatched: z.object({ reason: z.string(), message: z.string() }).optional(),
      problems: z.array(problem).optional(),
    }),
  ),
});

export function openApiDocument(): object {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'adminToken', { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN (emergency switch)' });
  const cookie = registry.registerComponent('securitySchemes', 'consoleSession', {
    type: 'apiKey',
    in: 'cookie',
    name: 'sa.sid',
    description: 'the console session (POST /api/staff/session); state-changing requests also send x-csrf-token',
  });
  // (either: the admin token is the emergency switch, off unless ADMIN_TOKEN is set)
  const staff = [{ [cookie.name]: [] }, { [bearer.name]: [] }];
  registry.registerPath({
    method: 'post',
    path: '/api/hospital/results',
    summary: 'A hospital system pushes results (signed)',
    description:
      'X-Signature is the hex HMAC-SHA256 of "<X-Timestamp>.<X-Request-Id>.<body>" with the hospital\'s secret (npm run hospital:key). ' +
      'X-Timestamp: milliseconds since 1970, within 5 minutes of now; X-Request-Id: new for every request, 1 to 128 of A-Z a-z 0-9 _ -.',
    request: {
      headers: z.object({ 'x-api-key': z.string(), 'x-timestamp': z.string(), 'x-request-id': z.string(), 'x-signature': z.string() }),
      body: { required: true, content: json(z.object({ results: z.array(resultRecordSchema).min(1).max(MAX_RESULTS_PER_REQUEST) })) },
    },
    responses: {
      200: { description: 'what became of each result', content: json(z.object({ results: z.array(ingestOutcome) })) },
      ...errors({
        400: 'not JSON, or not this shape (the field is named)',
        401: 'unsigned, unknown key, stale timestamp or bad signature: nothing stored',
        409: 'the request id was used before (a new request needs a new id; it does not say the first was processed)',
        413: 'over 1 MB',
        503: 'the hospital API is off (no DATA_ENCRYPTION_KEYS)',
      }),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/staff/results',
    summary: 'Results by status and match (held, unmatched …), escalated or overdue, by the day the sample was taken',
    description:
      'from..to: the days the samples were taken, by default the 30 days up to today; with status=held, match=unmatched, escalated=true or overdue=true (what still waits for staff), the 365 days up to today.',
    security: staff,
    request: { query: dayListQuery.merge(resultListFilter) },
    responses: {
      200: { description: 'ids and grades only', content: json(z.object({ more: z.boolean(), results: z.array(resultRow) })) },
      ...errors({ 400: 'a bad filter' }),
    },
  });
  for (const [action, summary] of [
    ['release', 'Send a held result to her'],
    ['told-in-person', 'Record that she was told in person (nothing is sent)'],
  ] as const) {
    registry.registerPath({
      method: 'post',
      path: `/api/staff/results/{id}/${action}`,
      summary,
      security: staff,
      request: { params: idParam },
      responses: {
        200: { description: 'done', content: json(z.object({ id: z.string() })) },
        ...errors({ 404: 'no such result', 409: 'not held, or no chat to send it to' }),
      },
    });
  }
  registry.registerPath({
    method: 'get',
    path: '/api/staff/results/{id}/notice',
    summary: 'What she will read if the result is told to her today (shown before a release; audited as a view)',
    security: staff,
    request: { params: idParam },
    responses: {
      200: {
        description: "the notice in the profile's words, its next step dated from today",
        content: json(z.object({ id: z.string(), notice: z.string(), sentOn: z.string() })),
      },
      ...errors({ 404: 'no such result (or not one this account sees)' }),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/staff/results/{id}/match',
    summary: 'Match an unmatched result by hand with the visit code she shows',
    security: staff,
    request: { params: idParam, body: { required: true, content: json(resultMatchBody) } },
    responses: {
      200: { description: 'matched; then told or held as its grade says', content: json(z.object({ id: z.string(), status: z.string() })) },
      ...errors({ 400: 'no visit code', 404: 'no such result', 409: 'already matched', 422: 'no booking with this code at that hospital' }),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/staff/results/upload',
    summary: "Upload a results file exported from a hospital's system (CSV or .xlsx)",
    description:
      'The body is the file itself: an .xlsx (its first worksheet) or a CSV in UTF-8 or GBK (detected). Headers and values are read through ' +
      'profiles/imports/results.yaml (Chinese synonyms). Every row is checked first; with a bad row nothing is stored unless takeGoodRows=true. ' +
      `At most ${MAX_UPLOAD_ROWS} rows. The report never holds a name or an ID number.`,
    security: staff,
    request: {
      query: uploadQueryShape,
      body: {
        required: true,
        content: Object.fromEntries(
          ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream'].map((type) => [
            type,
            { schema: z.string().openapi({ type: 'string', format: 'binary' }) },
          ]),
        ),
      },
    },
    responses: {
      200: { description: 'the report per row (also when nothing was stored because of bad rows: see taken)', content: json(uploadReport) },
      ...errors({
        400: 'no hospitalId, not a hospital of the county, or takeGoodRows not true/false',
        413: `over ${MAX_UPLOAD_MB} MB`,
        422: 'the file cannot be read (reason: empty_file, not_a_table, old_excel, no_header, missing_columns, duplicate_column, no_rows, too_many_rows): nothing stored',
        503: 'the upload is off (no results section, or no profiles/imports/results.yaml)',
      }),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/staff/reminders/dropped',
    summary: 'Parts of late timed messages left out, and why',
    security: staff,
    request: { query: dayListQuery.merge(droppedFilter) },
    responses: {
      200: { description: 'newest first', content: json(z.object({ more: z.boolean(), dropped: z.array(z.record(z.unknown())) })) },
      ...errors({ 400: 'a bad filter' }),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/staff/pregnancies/missed',
    summary: 'Screenings whose window closed with nothing booked or done',
    security: staff,
    request: { query: dayListQuery },
    responses: {
      200: { description: 'newest first', content: json(z.object({ more: z.boolean(), missed: z.array(z.record(z.unknown())) })) },
      ...errors({ 400: 'a bad range' }),
    },
  });
  registerCapacityPaths(registry, staff);
  registerCapacityViewPaths(registry, staff);
  registry.registerPath({
    method: 'get',
    path: '/api/staff/indicators',
    summary: 'The 两癌 and prenatal indicators of a county, or of a city (its counties), for the results taken from … to (inclusive)',
    description:
      'Every stored result counts (matched or not). Each woman counts once per organ or test. Definitions: src/domain/indicators/screeningIndicators.ts.',
    security: staff,
    request: { query: indicatorQuery },
    responses: {
      200: { description: 'the counts and rates', content: json(indicatorReport) },
      ...errors({ 400: 'a missing or bad field (named), a range over a year, or a township or village', 404: 'no such region' }),
    },
  });
  registerFollowUpPaths(registry, staff);
  registerBotAccountPaths(registry, staff);
  registerHandoffPaths(registry, staff);
  registerSmsPaths(registry);
  registerStaffScopePaths(registry, staff);
  registerStaffAccessPaths(registry, staff);
  return new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: '3.0.3',
    info: { title: 'Screening assistant: hospital and staff API', version: '1' },
  });
}

/** GET /api/openapi.json (no secret in it: open to whoever reaches the port, like the API's own errors). */
export function openApiRouter(): Router {
  const doc = openApiDocument();
  const r = Router();
  r.get('/api/openapi.json', (_req, res) => void res.json(doc));
  return r;
}
