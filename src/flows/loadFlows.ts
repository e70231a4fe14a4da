// Loads and checks every flow in flows/: each file against the format, then the links between
// them (targets, actions, commands). A problem stops start-up naming the file, the step and why.
import path from 'node:path';
import fs from 'node:fs';
import { DataFileError, displayPath, readYamlFile, yamlFilesIn } from '../support/readYaml.js';
import type { ActionSpec } from './actions.js';
import { checkFlowPlaceholders } from './flowVars.js';
import { checkMessageVars } from './messageVars.js';
import { commandsSchema, flowSchema, messagesSchema, type Commands, type Flow, type Messages, type Step } from './flowSchema.js';
import { spokenFormsSchema, type SpokenForms } from '../domain/parse/spokenForms.js';

export interface FlowSet {
  flows: Map<string, Flow>;
  commands: Commands;
  messages: Messages;
  /** Spoken and dialect forms read as the standard word before anything reads her message (spoken.yaml). */
  spokenForms: SpokenForms;
}

const SPECIAL_FILES = new Set(['commands.yaml', 'messages.yaml', 'spoken.yaml']);

export function loadFlows(dir: string, knownActions: ReadonlyMap<string, ActionSpec>, knownSources: ReadonlySet<string> = new Set()): FlowSet {
  const flows = new Map<string, Flow>();
  const fileOf = new Map<string, string>();
  for (const file of yamlFilesIn(dir)) {
    if (SPECIAL_FILES.has(path.basename(file))) continue;
    const flow = readYamlFile(file, flowSchema);
    const shown = displayPath(file);
    if (flows.has(flow.id)) throw new DataFileError(shown, 'id', `flow "${flow.id}" is also defined in ${fileOf.get(flow.id)}`);
    flows.set(flow.id, flow);
    fileOf.set(flow.id, shown);
  }
  const commandsFile = path.join(dir, 'commands.yaml');
  const messagesFile = path.join(dir, 'messages.yaml');
  const spokenFile = path.join(dir, 'spoken.yaml');
  for (const f of [commandsFile, messagesFile, spokenFile]) {
    if (!fs.existsSync(f)) throw new DataFileError(displayPath(f), '', 'file is missing');
  }
  const commands = readYamlFile(commandsFile, commandsSchema);
  const messages = readYamlFile(messagesFile, messagesSchema);
  const spokenForms = readYamlFile(spokenFile, spokenFormsSchema);
  for (const [where, reason] of checkMessageVars(messages)) throw new DataFileError(displayPath(messagesFile), where, reason);

  for (const [id, flow] of flows) checkFlow(flow, fileOf.get(id)!, flows, knownActions, knownSources);
  checkFlowPlaceholders(flows, fileOf, knownActions);
  commands.commands.forEach((c, i) => {
    const where = `commands[${i}] (id "${c.id}")`;
    if (!flows.has(c.target.slice(5))) {
      throw new DataFileError(displayPath(commandsFile), `${where}.target`, `unknown flow "${c.target.slice(5)}"`);
    }
  });
  for (const required of ['consent', 'menu', 'health_consent']) {
    if (!flows.has(required)) throw new DataFileError(displayPath(dir), '', `the flow "${required}" is required but no file defines it`);
  }
  return { flows, commands, messages, spokenForms };
}

function checkFlow(flow: Flow, file: string, flows: Map<string, Flow>, knownActions: ReadonlyMap<string, ActionSpec>, knownSources: ReadonlySet<string>): void {
  const ids = new Set<string>();
  flow.steps.forEach((step, i) => {
    if (ids.has(step.id)) throw new DataFileError(file, `steps[${i}] (id "${step.id}")`, 'duplicate step id');
    ids.add(step.id);
  });
  flow.triggers.forEach((t, i) => {
    if (t.ofAnother && !flows.has(t.ofAnother)) throw new DataFileError(file, `triggers[${i}].ofAnother`, `unknown flow "${t.ofAnother}"`);
  });
  flow.insteadOf.forEach((id, i) => {
    if (!flows.has(id)) throw new DataFileError(file, `insteadOf[${i}]`, `unknown flow "${id}"`);
  });
  const checkTarget = (i: number, step: Step, field: string, target: string) => {
    const where = `steps[${i}] (id "${step.id}").${field}`;
    if (target === 'end' || target === 'return') return;
    if (target.startsWith('flow:')) {
      if (!flows.has(target.slice(5))) throw new DataFileError(file, where, `unknown flow "${target.slice(5)}"`);
      return;
    }
    if (!ids.has(target)) throw new DataFileError(file, where, `unknown step "${target}"`);
  };
  flow.steps.forEach((step, i) => {
    if ('next' in step && step.next) checkTarget(i, step, 'next', step.next);
    if ((step.kind === 'ask' || step.kind === 'action') && step.on) {
      for (const [k, t] of Object.entries(step.on)) checkTarget(i, step, `on.${k}`, t);
    }
    if (step.kind === 'ask') {
      if (!step.next && !step.on) throw new DataFileError(file, `steps[${i}] (id "${step.id}")`, 'an ask step needs next or on');
      if (step.skipIfSet && !step.save) throw new DataFileError(file, `steps[${i}] (id "${step.id}").skipIfSet`, 'needs save');
      if (step.input.type === 'dynamicChoice') {
        if (!knownSources.has(step.input.source)) {
          throw new DataFileError(
            file,
            `steps[${i}] (id "${step.id}").input.source`,
            `unknown choice source "${step.input.source}" (known: ${[...knownSources].join(', ')})`,
          );
        }
        if (!step.onEmpty)
          throw new DataFileError(file, `steps[${i}] (id "${step.id}").onEmpty`, 'a dynamicChoice needs onEmpty (where to go when there is nothing to choose)');
        checkTarget(i, step, 'onEmpty', step.onEmpty);
      }
      if (step.on && step.input.type === 'choice') {
        const values = new Set(step.input.options.map((o) => o.value));
        for (const k of Object.keys(step.on)) {
          if (!values.has(k))
            throw new DataFileError(file, `steps[${i}] (id "${step.id}").on.${k}`, `not one of the choice values (${[...values].join(', ')})`);
        }
        if (!step.next && [...values].some((v) => !(v in step.on!))) {
          throw new DataFileError(file, `steps[${i}] (id "${step.id}").on`, 'every choice value needs a branch, or give next');
        }
      }
      if (Array.isArray(step.confirmIfGuessed)) {
        const values = step.input.type === 'choice' ? step.input.options.map((o) => o.value) : step.input.type === 'yesno' ? ['true', 'false'] : undefined;
        for (const v of step.confirmIfGuessed) {
          if (values && !values.includes(v))
            throw new DataFileError(file, `steps[${i}] (id "${step.id}").confirmIfGuessed`, `"${v}" is not one of the answer values (${values.join(', ')})`);
        }
      }
      if (step.ownNo && step.input.type !== 'yesno') throw new DataFileError(file, `steps[${i}] (id "${step.id}").ownNo`, 'only for a yes/no question');
      if (step.on && step.input.type === 'yesno') {
        for (const k of Object.keys(step.on)) {
          if (k !== 'true' && k !== 'false')
            throw new DataFileError(file, `steps[${i}] (id "${step.id}").on.${k}`, 'a yes/no answer branches on "true" or "false"');
        }
      }
    }
    if (step.kind === 'call' && !flows.has(step.flow)) {
      throw new DataFileError(file, `steps[${i}] (id "${step.id}").flow`, `unknown flow "${step.flow}"`);
    }
    if (step.kind === 'action') {
      const outcomes = knownActions.get(step.action)?.outcomes;
      if (!outcomes)
        throw new DataFileError(
          file,
          `steps[${i}] (id "${step.id}").action`,
          `unknown action "${step.action}" (known: ${[...knownActions.keys()].join(', ')})`,
        );
      for (const k of Object.keys(step.on)) {
        if (!outcomes.includes(k))
          throw new DataFileError(
            file,
            `steps[${i}] (id "${step.id}").on.${k}`,
            `action "${step.action}" has no outcome "${k}" (it has: ${outcomes.join(', ')})`,
          );
      }
      if (!step.next && outcomes.some((o) => !(o in step.on))) {
        throw new DataFileError(file, `steps[${i}] (id "${step.id}")`, `give next, or a branch for every outcome of "${step.action}" (${outcomes.join(', ')})`);
      }
    }
  });
}
