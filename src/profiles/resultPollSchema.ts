// A hospital's result poll (the `resultPoll` of a hospital in a county file): the bot fetches new
// results from the hospital's laboratory system on a schedule. The credentials are never in the
// file: it names the environment variable that holds them (a bearer token, or user:password).
import { z } from 'zod';

/** Results are health data: https, except to this machine (a local test peer). */
const peerUrl = z
  .string()
  .url('must be a URL like https://lis.example.cn/api/results')
  .refine((u) => {
    const url = new URL(u);
    return url.protocol === 'https:' || (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname));
  }, 'must be an https:// address (results are health data; http only to localhost)');

const envName = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'the name of an environment variable (capitals, digits and _), never the secret itself');

export const resultPollSchema = z
  .object({
    // a mapping of profiles/result-mappings (its file name without .yaml)
    mapping: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'the id of a file in profiles/result-mappings'),
    url: peerUrl,
    // bearer: the variable holds the token; basic: it holds user:password
    auth: z
      .object({ bearer: envName.optional(), basic: envName.optional() })
      .strict()
      .refine((a) => !!a.bearer !== !!a.basic, 'either bearer or basic, with the name of the variable that holds the credentials'),
    pageSize: z.number().int().min(1).max(1000).default(50),
    intervalMinutes: z.number().int().min(1).max(1440).default(15),
    timeoutSeconds: z.number().int().min(1).max(300).default(30),
    // pages taken in one poll at most (the rest at the next tick)
    maxPagesPerPoll: z.number().int().min(1).max(1000).default(20),
    // added to the first request, after the mapping's own
    query: z.record(z.string(), z.string()).default({}),
  })
  .strict();
export type ResultPollSettings = z.infer<typeof resultPollSchema>;
