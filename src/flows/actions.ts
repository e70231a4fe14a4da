// The named actions flow files may call (kind: action). Each is a thin bridge to a service and
// says which outcomes it can return, so flow files are checked at start.
import type { Messages } from './flowSchema.js';
import type { ContactRecord } from '../services/contactService.js';
import type { ContactPatch } from '../services/conversationStore.js';
import type { MyDataService } from '../services/myDataService.js';
import type { ProgrammePort } from './programmePort.js';
import { renderTemplate, type TemplateVars } from '../domain/template.js';
import { shanghaiDay } from '../domain/calendarDay.js';
import { formatChineseDate } from '../domain/parse/formatChineseDate.js';

export interface ActionContext {
  contact: ContactRecord;
  now: Date;
  vars: TemplateVars;
  /** Everything stored about her, with this turn's answers on top. */
  facts: () => Promise<Record<string, unknown>>;
  /** The message that started the flow, when its trigger keeps it (`answers`). */
  words?: string;
}

export interface ActionResult {
  outcome: string;
  say?: string[];
  /** Changes to her contact row: saved with the rest of the turn, in one transaction. */
  contact?: ContactPatch;
  /** Forget her stored answers, or only these (saved with the turn). */
  clearFacts?: boolean | string[];
  /** The contact and everything about her is gone: nothing of this turn is saved. */
  contactDeleted?: boolean;
  /** Values for the following texts and steps (kept in the conversation until it comes to rest). */
  vars?: Record<string, string>;
}

/**
 * One option of a dynamicChoice question. `day` ('YYYY-MM-DD'): the option is that calendar day, so
 * she may also pick it by naming the day (5号, 周三, 明天; see src/flows/readShownChoice.ts).
 */
export interface ChoiceOption {
  value: string;
  label: string;
  words?: string[];
  day?: string;
  /** What the reminder she answers was about: taken when her words that started the flow name no option. */
  reminded?: boolean;
  /** A day after the days listed: not shown, chosen only by naming it (13号 when a week is listed). */
  more?: boolean;
}

/** Options of a dynamicChoice question, computed when it is asked. */
export type ChoiceSource = (ctx: ActionContext) => Promise<ChoiceOption[]>;

export interface FlowAction {
  outcomes: readonly string[];
  run(ctx: ActionContext): Promise<ActionResult>;
}

/**
 * What an action may return, known before the flows are loaded: its outcomes (for checking the
 * branches) and the variables it may set (for checking the {placeholders} of the texts after it).
 */
export interface ActionSpec {
  outcomes: readonly string[];
  vars: readonly string[];
}

/** The action `run` under `spec`: a variable it sets that it does not declare is a programming error. */
export function declaredAction(name: string, spec: ActionSpec, run: FlowAction['run']): FlowAction {
  return {
    outcomes: spec.outcomes,
    async run(ctx) {
      const result = await run(ctx);
      const undeclared = Object.keys(result.vars ?? {}).filter((v) => !spec.vars.includes(v));
      if (undeclared.length > 0) throw new Error(`action "${name}" set variables it does not declare: ${undeclared.join(', ')}`);
      return result;
    },
  };
}

/** Specs from [name, outcomes, vars] rows. */
export const actionSpecs = (rows: [name: string, outcomes: readonly string[], vars?: readonly string[]][]): ReadonlyMap<string, ActionSpec> =>
  new Map(rows.map(([name, outcomes, vars = []]) => [name, { outcomes, vars }]));

export interface ActionDeps {
  /** The county this bot serves: her region once she consents. */
  countyId: string;
  myData: MyDataService;
  programmes: ProgrammePort;
  messages: () => Messages;
  /** More lines for 我的信息 (her bookings, her next reminders…), given her stored facts and whether she receives reminders. */
  extraLines?: (contactId: string, facts: Record<string, unknown>, subscribed: boolean) => Promise<string[]>;
}

/** The outcomes and variables of every action here, known before the flows are loaded (for checking them). */
export const ACTIONS = actionSpecs([
  ['consent.give', ['done']],
  ['consent.decline', ['done']],
  ['consent.giveHealth', ['done']],
  ['subscription.stop', ['done']],
  ['subscription.start', ['done']],
  ['myData.show', ['done']],
  ['myData.deleteAll', ['done']],
]);

export function createActions(d: ActionDeps): Map<string, FlowAction> {
  const done = (extra: Omit<ActionResult, 'outcome'> = {}): ActionResult => ({ outcome: 'done', ...extra });
  const actions: Record<string, FlowAction['run']> = {
    'consent.give': async ({ now }) => done({ contact: { consent: 'given', consentAt: now, regionId: d.countyId } }),
    // she declined: keep only the channel id and the fact that she declined
    'consent.decline': async () => done({ contact: { consent: 'declined', consentAt: null, healthConsentAt: null, regionId: null }, clearFacts: true }),
    'consent.giveHealth': async ({ now }) => done({ contact: { healthConsentAt: now } }),
    'subscription.stop': async () => done({ contact: { subscribed: false } }),
    'subscription.start': async () => done({ contact: { subscribed: true } }),
    'myData.show': async ({ contact, vars }) => done({ say: [await describeMyData(d, contact.id, vars)] }),
    'myData.deleteAll': async ({ contact, now }) => {
      await d.myData.deleteAll(contact.id, now);
      return done({ contactDeleted: true });
    },
  };
  const map = new Map<string, FlowAction>();
  for (const [name, spec] of ACTIONS) map.set(name, declaredAction(name, spec, actions[name]));
  return map;
}

async function describeMyData(d: ActionDeps, contactId: string, vars: TemplateVars): Promise<string> {
  const m = d.messages().myData;
  const data = await d.myData.collect(contactId);
  if (!data || data.consent === 'none') return m.beforeConsent;
  if (data.consent === 'declined') return m.declined;
  const lines = [m.header];
  if (data.consentAt) lines.push(renderTemplate(m.consentGiven, { date: formatChineseDate(shanghaiDay(data.consentAt)) }));
  if (data.healthConsentAt) lines.push(renderTemplate(m.healthConsentGiven, { date: formatChineseDate(shanghaiDay(data.healthConsentAt)) }));
  lines.push(data.subscribed ? m.subscribed : m.unsubscribed);
  lines.push(renderTemplate(m.county, vars));
  if (data.facts.length === 0 && !data.idNumberKept) lines.push(m.noFacts);
  if (data.idNumberKept) lines.push(m.idNumberKept);
  for (const f of data.facts) {
    lines.push(renderTemplate(m.factLine, { label: m.factLabels[f.key] ?? f.key, value: d.programmes.describeFact(f.key, f.value) }));
  }
  for (const c of data.checks) {
    if (c.fromResult && c.nextEligibleOn) {
      const line = { date: formatChineseDate(shanghaiDay(c.checkedAt)), programme: d.programmes.name(c.programme) ?? c.programme };
      lines.push(renderTemplate(m.checkFromResult, { ...line, nextDate: formatChineseDate(c.nextEligibleOn) }));
      continue;
    }
    lines.push(
      renderTemplate(m.checkLine, {
        date: formatChineseDate(shanghaiDay(c.checkedAt)),
        programme: d.programmes.name(c.programme) ?? c.programme,
        result: c.eligible
          ? m.resultEligible
          : c.nextEligibleOn
            ? renderTemplate(m.resultEligibleFrom, { date: formatChineseDate(c.nextEligibleOn) })
            : m.resultNotEligible,
      }),
    );
  }
  if (d.extraLines) lines.push(...(await d.extraLines(contactId, Object.fromEntries(data.facts.map((f) => [f.key, f.value])), data.subscribed)));
  lines.push(m.footer);
  return lines.join('\n');
}
