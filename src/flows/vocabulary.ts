// The words the assistant knows, for reading homophone typos (预越 → 预约): the words of the flows'
// commands and triggers, the choice options' words and labels (flows and profile), the county's
// township, village and hospital names (also without 街道/镇/乡/村), and the spoken-forms table.
import { hospitalWords } from './booking/hospitalWords.js';
import type { FlowSet } from './loadFlows.js';

/** Keys whose string values (or lists of strings) are words she may write. */
const WORD_KEYS = /^(words|yesWords|notWords|unlessWords|label|name)$/u;
const PLACE_SUFFIX = /(街道|社区|镇|乡|村)$/u;

function collect(value: unknown, key: string, out: string[]): void {
  if (typeof value === 'string') {
    if (WORD_KEYS.test(key)) out.push(value);
  } else if (Array.isArray(value)) {
    for (const v of value) collect(v, key, out);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) collect(v, k, out);
  }
}

export function knownVocabulary(flowSet: FlowSet, profile: unknown, county: unknown): string[] {
  const out: string[] = [];
  for (const flow of flowSet.flows.values()) collect(flow, '', out);
  collect(flowSet.commands, '', out);
  collect(profile, '', out);
  const places: string[] = [];
  collect(county, '', places);
  for (const place of places) out.push(place, place.replace(PLACE_SUFFIX, ''));
  // and a hospital as women name it (妇幼, 第一人民: not a homophone of another word, 妇幼 → 妇有)
  const countyName = (county as { name?: unknown } | null)?.name;
  const hospitals = (county as { hospitals?: { name?: unknown }[] } | null)?.hospitals ?? [];
  if (typeof countyName === 'string') for (const h of hospitals) if (typeof h.name === 'string') out.push(...hospitalWords(h.name, countyName));
  const { anywhere, whole } = flowSet.spokenForms;
  for (const table of [anywhere, whole]) for (const [form, word] of Object.entries(table)) out.push(form, word);
  return out;
}
