// County files (profiles/counties/*.yaml): one county or county-level city that runs the
// programmes with one region profile: who operates the service (named in the privacy notice),
// its townships and villages, and the designated hospitals. Validated at start by loadCounties.
import { z } from 'zod';
import { programmeIdSchema, PROGRAMME_IDS, slugSchema } from '../domain/profile/profileSchema.js';
import { resultPollSchema } from './resultPollSchema.js';

const textSchema = z.string().trim().min(1, 'must not be empty');
/** A phone number as dialled: 0394-4321234, 13800000000, 12320. */
const phoneSchema = z.string().regex(/^(0\d{2,3}-?\d{7,8}|1\d{10}|\d{5})$/, 'must be a phone number like 0394-4321234');
/** 统计用区划代码 of a township (9 digits) or village (12 digits), optional. */
const areaCodeSchema = z.string().regex(/^\d{9}(\d{3})?$/, 'must be a 9- or 12-digit area code');
/** Yearly quota (任务数) per programme. */
const quotasSchema = z.object({ twoCancer: z.number().int().positive().optional(), prenatal: z.number().int().positive().optional() }).strict();

const villageSchema = z
  .object({
    id: slugSchema, // unique in the county, e.g. xiangcheng-dingji-dongjie
    name: textSchema, // e.g. 东街村
    code: areaCodeSchema.optional(),
  })
  .strict();

const townshipSchema = z
  .object({
    id: slugSchema, // unique in the county, e.g. xiangcheng-dingji
    name: textSchema, // e.g. 丁集镇
    kind: z.enum(['street', 'town', 'township']), // 街道 / 镇 / 乡
    code: areaCodeSchema.optional(),
    quotas: quotasSchema.optional(),
    villages: z.array(villageSchema).default([]),
  })
  .strict();
export type Township = z.infer<typeof townshipSchema>;

const hospitalSchema = z
  .object({
    id: slugSchema, // e.g. xc-mch
    name: textSchema,
    address: textSchema,
    phone: phoneSchema,
    // how to get there in plain words (bus, e-bike), sent with the booking confirmation
    directions: textSchema,
    hours: textSchema.optional(), // e.g. 周一到周六 上午8:00–11:30
    programmes: z.array(programmeIdSchema).min(1), // which programmes it screens for
    // which services (screening ids of the profile) it provides: the booking menu offers a line only
    // when one hospital provides all its services. Default: the services of its `capacity`
    services: z.array(slugSchema).min(1).optional(),
    // township ids whose women are offered this hospital first
    servesFirst: z.array(slugSchema).default([]),
    // the weekly capacity it starts with (staff change it through the API): per service (a screening
    // id of the profile), which weekdays (1 = Monday … 7 = Sunday), which session, how many seats
    capacity: z
      .array(
        z
          .object({
            service: slugSchema,
            weekdays: z.array(z.number().int().min(1).max(7)).min(1),
            session: z.enum(['am', 'pm']),
            seats: z.number().int().min(0).max(10_000),
          })
          .strict(),
      )
      .default([]),
    // results fetched from its laboratory system on a schedule (resultPollSchema.ts)
    resultPoll: resultPollSchema.optional(),
  })
  .strict();
export type Hospital = z.infer<typeof hospitalSchema>;

export const countySchema = z
  .object({
    id: slugSchema, // must equal the file name without .yaml
    name: textSchema, // 项城市
    fullName: textSchema, // 河南省周口市项城市
    profile: slugSchema, // id of the region profile whose rules apply (must exist)
    programmes: z
      .array(programmeIdSchema)
      .min(1)
      .default([...PROGRAMME_IDS]),
    // the service operator, named in the privacy notice as the one who collects the data
    operator: z.object({ name: textSchema, address: textSchema.optional(), phone: phoneSchema.optional() }).strict(),
    servicePhone: phoneSchema, // where she can call a person
    serviceHours: textSchema.optional(),
    dataRetention: textSchema, // how long data is kept, in plain words (privacy notice)
    quotas: quotasSchema.optional(),
    townships: z.array(townshipSchema).min(1),
    hospitals: z.array(hospitalSchema).min(1),
    // the county maternal and child health hospital (妇幼保健院), named for a warning sign when no
    // hospital serves her township first (default: the first hospital listed)
    mchHospital: slugSchema.optional(),
  })
  .strict();
export type County = z.infer<typeof countySchema>;

export type CountyIssue = { path: (string | number)[]; message: string };

/** Cross-references inside a county and to its profile. */
export function crossCheckCounty(county: County, profileIds: ReadonlySet<string>, serviceIds?: ReadonlySet<string>): CountyIssue[] {
  const issues: CountyIssue[] = [];
  if (!profileIds.has(county.profile)) {
    issues.push({ path: ['profile'], message: `unknown profile '${county.profile}' (known: ${[...profileIds].join(', ')})` });
  }
  const ids = new Set<string>();
  const unique = (id: string, path: (string | number)[]) => {
    if (ids.has(id)) issues.push({ path, message: `duplicate id '${id}'` });
    ids.add(id);
  };
  const townshipIds = new Set(county.townships.map((t) => t.id));
  county.townships.forEach((t, i) => {
    unique(t.id, ['townships', i, 'id']);
    t.villages.forEach((v, j) => unique(v.id, ['townships', i, 'villages', j, 'id']));
  });
  county.hospitals.forEach((h, i) => {
    unique(h.id, ['hospitals', i, 'id']);
    h.programmes.forEach((p, j) => {
      if (!county.programmes.includes(p)) issues.push({ path: ['hospitals', i, 'programmes', j], message: `programme '${p}' is not run in this county` });
    });
    (h.services ?? []).forEach((s, j) => {
      if (serviceIds && !serviceIds.has(s)) {
        issues.push({
          path: ['hospitals', i, 'services', j],
          message: `'${s}' is not a screening of profile '${county.profile}' (${[...serviceIds].join(', ')})`,
        });
      }
    });
    h.capacity.forEach((c, j) => {
      if (h.services && !h.services.includes(c.service)) {
        issues.push({
          path: ['hospitals', i, 'capacity', j, 'service'],
          message: `'${c.service}' is not one of the hospital's services (${h.services.join(', ')})`,
        });
      }
      if (serviceIds && !serviceIds.has(c.service)) {
        issues.push({
          path: ['hospitals', i, 'capacity', j, 'service'],
          message: `'${c.service}' is not a screening of profile '${county.profile}' (${[...serviceIds].join(', ')})`,
        });
      }
    });
    h.servesFirst.forEach((t, j) => {
      if (!townshipIds.has(t)) issues.push({ path: ['hospitals', i, 'servesFirst', j], message: `unknown township '${t}'` });
    });
  });
  if (county.mchHospital && !county.hospitals.some((h) => h.id === county.mchHospital)) {
    issues.push({ path: ['mchHospital'], message: `unknown hospital '${county.mchHospital}'` });
  }
  for (const p of county.programmes) {
    if (!county.hospitals.some((h) => h.programmes.includes(p))) {
      issues.push({ path: ['hospitals'], message: `no hospital screens for programme '${p}'` });
    }
  }
  return issues;
}
