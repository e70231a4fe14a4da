// The audit of staff work (who looked at or changed what), as data: the profile section `audit`
// (profiles/national.yaml): how many months its rows are kept before the nightly job deletes them.
import { z } from 'zod';

export const auditSchema = z
  .object({
    // at least 6 (网络安全法 第二十一条: network logs kept for no less than six months)
    keepMonths: z.number().int().min(6).max(600),
  })
  .strict();
