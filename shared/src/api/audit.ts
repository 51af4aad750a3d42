import * as z from '../zod.ts';
import { Id, IsoDateTime, PageQuery } from './common.ts';
import { singleLineText } from './text.ts';

export const auditEntityTypes = [
  'user',
  'facility',
  'assignment',
  'mentorship_log',
  'follow_up',
  'attachment',
  'notification',
] as const;
export const AuditEntityType = z.enum(auditEntityTypes);

/** One changed field: what it was and what it became (null for absent). */
export const FieldChange = z.object({ from: z.unknown(), to: z.unknown() });

export const AuditEntry = z.object({
  id: Id,
  user_id: Id,
  user_email: z.nullable(z.string()),
  entity_type: AuditEntityType,
  entity_id: z.string(),
  action: z.string(),
  changes: z.record(z.string(), FieldChange),
  created_at: IsoDateTime,
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const ListAuditQuery = z
  .extend(PageQuery, {
    entity_type: z.optional(AuditEntityType),
    entity_id: z.optional(singleLineText({ min: 1, max: 100 })),
    user_id: z.optional(Id),
    from: z.optional(IsoDateTime),
    to: z.optional(IsoDateTime),
  })
  .check(
    z.refine((q) => !q.entity_id || q.entity_type, {
      message: 'entity_id needs entity_type',
      path: ['entity_type'],
    }),
  );
