// Raw SQL fragments for the few statements Prisma's query API cannot write (multi-row inserts with
// ON CONFLICT): the runtime's tagged template, the same for both providers (each client renders its
// own placeholders), so no service reaches into one provider's generated client for it.
export { sqltag as sql, join } from '@prisma/client/runtime/client';
