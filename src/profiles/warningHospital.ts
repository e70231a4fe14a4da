// Which hospital a warning sign's answer names (profile `warningSigns`, domain.md §4a): the designated
// hospital that serves her township first, screening for the programme of the sign (prenatal for a
// pregnancy, a birth or a newborn), else the county maternal and child health hospital.
import type { WarningGroup } from '../domain/profile/warningSignsSchema.js';
import type { County } from './countySchema.js';

export function warningHospital(county: County, group: WarningGroup, township: string | undefined): { name: string; phone: string } {
  const programme = group === 'twoCancer' ? 'twoCancer' : 'prenatal';
  const near = township ? county.hospitals.filter((h) => h.servesFirst.includes(township)) : [];
  const mch = county.hospitals.find((h) => h.id === county.mchHospital) ?? county.hospitals[0];
  const h = near.find((n) => n.programmes.includes(programme)) ?? near[0] ?? mch;
  return { name: h.name, phone: h.phone };
}
