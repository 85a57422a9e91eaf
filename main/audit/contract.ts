import { z } from 'zod';
import { defineArea } from '../ipc/contract-kit.ts';

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  actorName: z.string(),
  action: z.string(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});
export type AuditEntryView = z.infer<typeof auditEntry>;

export const auditContract = defineArea({
  history: {
    input: z.object({ entity: z.string().min(1).max(40), entityId: z.union([z.string().min(1), z.number().int()]) }),
    output: z.array(auditEntry),
  },
});
