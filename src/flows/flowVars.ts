// The {placeholders} each step's texts may use, checked at start: the county's values, and the
// variables some path through the flows can have set before the step (a trigger's `vars`, an
// answer kept with `save`, what an action declares it sets, `eligible` after an eligibility step).
// The variables are the conversation's, shared by the flows it passes through (a jump, a call, a
// return), so the paths are followed across flows. A placeholder no path provides stops start-up.
import { templatePlaceholders } from '../domain/template.js';
import { DataFileError } from '../support/readYaml.js';
import type { ActionSpec } from './actions.js';
import type { Flow, Step } from './flowSchema.js';

/** The county's values every text may use (src/app/buildEngine.ts fills them in). */
export const COUNTY_VARS = ['countyName', 'operator', 'servicePhone', 'serviceHours', 'retention'] as const;

/** The parts of an answer with parts, also given to texts as `{name.part}` (src/flows/parseInput.ts). */
const ANSWER_PARTS: Partial<Record<string, readonly string[]>> = {
  date: ['date', 'precision'],
  dating: ['dueDate', 'from'],
};

const HEALTH_CONSENT = 'health_consent';
const key = (flowId: string, stepId: string) => `${flowId}.${stepId}`;

/** The variables a step sets. */
function setBy(step: Step, actions: ReadonlyMap<string, ActionSpec>): string[] {
  switch (step.kind) {
    case 'ask':
      return step.save ? [step.save, ...(ANSWER_PARTS[step.input.type] ?? []).map((p) => `${step.save}.${p}`)] : [];
    case 'action':
      return [...(actions.get(step.action)?.vars ?? [])];
    case 'eligibility':
      return ['eligible'];
    default:
      return [];
  }
}

/** Where a step may go next, in its own flow or another ('return' is followed at the call). */
function targetsOf(step: Step): string[] {
  const targets: string[] = [];
  if ('next' in step && step.next) targets.push(step.next);
  if ((step.kind === 'ask' || step.kind === 'action') && step.on) targets.push(...Object.values(step.on));
  if (step.kind === 'ask' && step.onEmpty) targets.push(step.onEmpty);
  return targets;
}

/**
 * For each step (`flowId.stepId`), the variables some path can have set when it is entered.
 * A flow is entered with its triggers' variables (or none, from a command or the menu); a call
 * returns with whatever the called flow, and the flows it goes on to, may set.
 */
export function varsBeforeSteps(flows: ReadonlyMap<string, Flow>, actions: ReadonlyMap<string, ActionSpec>): Map<string, Set<string>> {
  const before = new Map<string, Set<string>>();
  const pending: [Flow, Step][] = [];
  const flowIn = (flow: Flow, vars: Iterable<string>) => reach(flow, flow.steps[0], vars);
  function reach(flow: Flow, step: Step | undefined, vars: Iterable<string>): void {
    if (!step) return;
    const k = key(flow.id, step.id);
    const set = before.get(k) ?? new Set<string>();
    const size = set.size;
    for (const v of vars) set.add(v);
    if (!before.has(k) || set.size > size) {
      before.set(k, set);
      pending.push([flow, step]);
    }
  }
  const go = (flow: Flow, target: string, vars: Set<string>) => {
    if (target === 'end' || target === 'return') return;
    if (target.startsWith('flow:')) {
      const next = flows.get(target.slice(5));
      if (next) flowIn(next, vars);
      return;
    }
    reach(
      flow,
      flow.steps.find((s) => s.id === target),
      vars,
    );
  };
  for (const flow of flows.values())
    flowIn(
      flow,
      flow.triggers.flatMap((t) => Object.keys(t.vars)),
    );
  while (pending.length > 0) {
    const [flow, step] = pending.pop()!;
    const vars = before.get(key(flow.id, step.id))!;
    const after = new Set([...vars, ...setBy(step, actions)]);
    // a question that needs the health consent, and the interview, call health_consent first
    const hc = flows.get(HEALTH_CONSENT);
    if (hc && ((step.kind === 'ask' && step.sensitive) || step.kind === 'eligibility')) flowIn(hc, vars);
    if (step.kind === 'call') {
      const callee = flows.get(step.flow);
      if (callee) flowIn(callee, vars);
      go(flow, step.next, new Set([...after, ...(callee ? setInCalled(callee, flows, actions) : [])]));
      continue;
    }
    for (const target of targetsOf(step)) go(flow, target, after);
  }
  return before;
}

/** Every variable a called flow, and the flows it goes on to or calls, may set. */
function setInCalled(callee: Flow, flows: ReadonlyMap<string, Flow>, actions: ReadonlyMap<string, ActionSpec>): Set<string> {
  const vars = new Set<string>();
  const seen = new Set<string>();
  const visit = (flow: Flow) => {
    if (seen.has(flow.id)) return;
    seen.add(flow.id);
    for (const step of flow.steps) {
      for (const v of setBy(step, actions)) vars.add(v);
      const next = [...targetsOf(step), ...(step.kind === 'call' ? [`flow:${step.flow}`] : [])];
      for (const t of next) if (t.startsWith('flow:') && flows.has(t.slice(5))) visit(flows.get(t.slice(5))!);
    }
  };
  visit(callee);
  return vars;
}

/** The texts of a step that are filled in, with where each is in the file. */
function textsOf(step: Step): [string, string][] {
  switch (step.kind) {
    case 'say':
      return [['text', step.text]];
    case 'ask':
      return [
        ['text', step.text],
        ...(step.askAgain ? [['askAgain', step.askAgain] as [string, string]] : []),
        ...(step.requestKept ? [['requestKept', step.requestKept] as [string, string]] : []),
        ...Object.entries(step.reprompt ?? {}).map(([why, t]): [string, string] => [`reprompt.${why}`, t]),
        ...step.sideAnswers.map((a, i): [string, string] => [`sideAnswers[${i}].text`, a.text]),
      ];
    case 'eligibility':
      return [['programme', step.programme]];
    default:
      return [];
  }
}

/** Stops start-up at the first placeholder of a flow step that no path provides, naming the file and the step. */
export function checkFlowPlaceholders(flows: ReadonlyMap<string, Flow>, fileOf: ReadonlyMap<string, string>, actions: ReadonlyMap<string, ActionSpec>): void {
  const before = varsBeforeSteps(flows, actions);
  for (const flow of flows.values()) {
    flow.steps.forEach((step, i) => {
      // a step no path reaches is checked against the county's values only
      const available = new Set<string>([...COUNTY_VARS, ...(before.get(key(flow.id, step.id)) ?? [])]);
      for (const [field, text] of textsOf(step)) {
        for (const name of templatePlaceholders(text)) {
          if (available.has(name)) continue;
          const known = [...available].sort().map((v) => `{${v}}`);
          throw new DataFileError(
            fileOf.get(flow.id) ?? flow.id,
            `steps[${i}] (id "${step.id}").${field}`,
            `placeholder {${name}} is not provided here (available: ${known.join(', ')})`,
          );
        }
      }
    });
  }
}
