// Where she lives, from her own words: a township of the county (or a village of one) named as her
// home or her 户口 (户口在南顿镇, 俺是秣陵的, 户口就在咱项城李寨镇, 我家住东门村, 秣陵的). Not a place
// she only goes to or works in (去南顿卫生院, 在南顿打工), one of her husband's or her parents' (娘家),
// one she left (以前在南顿), nor one she denies (户口不在南顿). Words naming two townships name none.
import { carriedClauses } from './carriedClauses.js';
import { HUSBAND_SOURCE } from './husbandWords.js';

/** A township: its value, and its names (the township's own and its villages', as written: 南顿镇, 北街村). */
export interface HomePlace {
  value: string;
  names: readonly string[];
}

const SUFFIX = /(街道|办事处|镇|乡)$/u;
/** What says the place is her home: her 户口, her home, where she lives, or 我是…的. */
const HOME = /户口|户籍|家|住|(?:我|俺)(?:就|也|都)?[是在]|^(?:就|也|都)?是/u;
/** Said of someone else, of a place she left, or of one she goes to or works in. */
const NOT_HERS = new RegExp(
  `${HUSBAND_SOURCE}|娘家|以前|原来|过去|之前|从前|迁走|迁出|打工|上班|干活|工作|做生意|上学|念书|赶集|走亲戚|看病|等车|回去|逛`,
  'u',
);
/** A place she goes to (去南顿, 到李寨查), not one her 户口 moved to (迁到南顿, 落户到李寨). */
const GOING = /(?:(?<![迁落户])到|去|来|回)$/u;
/** A negation before the place (户口不在南顿, 没住李寨). */
const NEGATION = /[不没非别]/u;
/** After a name without its 镇/乡/街道: the end of the word (南顿的, 南顿人, 南顿那边; not 莲花大道, 东方红). */
const WORD_END = /^(?:$|[的了人哩嘞咧啊呀哈嘛住镇乡村,，没不也都一]|那|这|附近|一带|街上|乡下)/u;
/** After any name: not a place in it (南顿镇卫生院, 南顿镇中学). */
const INSTITUTION = /^(?:中心)?(?:医院|卫生院|保健院|卫生所|卫生室|诊所|妇幼|大道|路|学校|中学|小学|车站|汽车站|集)/u;
/** A clause that is the place alone, as a woman says where she is from (秣陵的, 李寨人, 项城李寨的). */
const ALONE = /^(?:我|俺)?(?:们)?(?:这|那)?(?:边)?$/u;

interface Name {
  text: string;
  value: string;
  bare: boolean;
}

/** Every name of the places, full and without 镇/乡/街道 (a township's), that names one township only; longest first. */
function namesOf(places: readonly HomePlace[]): Name[] {
  const byText = new Map<string, Set<string>>();
  const bare = new Set<string>();
  const add = (text: string, value: string) => byText.set(text, (byText.get(text) ?? new Set()).add(value));
  for (const p of places) {
    for (const [i, name] of p.names.entries()) {
      add(name, p.value);
      // a township's name without 镇/乡/街道 (光武), a village's without 村 (荣楼)
      const short = i === 0 ? name.replace(SUFFIX, '') : name.replace(/村$/u, '');
      if (short !== name && [...short].length >= 2) {
        add(short, p.value);
        bare.add(short);
      }
    }
  }
  return [...byText.entries()]
    .filter(([, values]) => values.size === 1)
    .map(([text, values]) => ({ text, value: [...values][0], bare: bare.has(text) }))
    .sort((a, b) => b.text.length - a.text.length);
}

/** The townships one clause names as her home. */
function homesIn(clause: string, names: readonly Name[], county: readonly string[]): string[] {
  const found: string[] = [];
  const taken: boolean[] = [];
  for (const n of names) {
    for (let at = clause.indexOf(n.text); at >= 0; at = clause.indexOf(n.text, at + 1)) {
      const end = at + n.text.length;
      if (taken.slice(at, end).some(Boolean)) continue;
      for (let i = at; i < end; i++) taken[i] = true;
      const before = clause.slice(0, at);
      const after = clause.slice(end);
      if ((n.bare && !WORD_END.test(after)) || INSTITUTION.test(after)) continue;
      if (NOT_HERS.test(clause) || NEGATION.test(before) || GOING.test(before)) continue;
      // (the county's name may come before it: 户口在咱项城李寨镇, 项城李寨的)
      const head = county.reduce((s, c) => s.replace(c, ''), before);
      const alone = ALONE.test(head) && /^(?:的|人)/u.test(after);
      if (HOME.test(before) || alone || /^住/u.test(after)) found.push(n.value);
    }
  }
  return found;
}

/**
 * The township her words name as her home or her 户口 (`places`: the county's townships; `county`:
 * the county's names, 项城市 and 项城), when they name exactly one; undefined otherwise.
 */
export function homeTownship(text: string, places: readonly HomePlace[], county: readonly string[] = []): string | undefined {
  const names = namesOf(places);
  const homes = new Set(carriedClauses(text).flatMap((clause) => homesIn(clause, names, county)));
  return homes.size === 1 ? [...homes][0] : undefined;
}
