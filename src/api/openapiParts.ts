// Pieces every part of the OpenAPI document uses: a JSON body and the error answers.
import { z } from 'zod';

const error = z.object({ error: z.string(), message: z.string(), field: z.string().optional() });
export const json = (schema: z.ZodTypeAny) => ({ 'application/json': { schema } });
export const errors = (codes: Record<string, string>) =>
  Object.fromEntries(Object.entries(codes).map(([code, description]) => [code, { description, content: json(error) }]));
/** The staff routes' security requirement (the admin token until staff accounts exist). */
export type StaffSecurity = Record<string, string[]>[];
