import * as z from 'zod';
import { Id, IsoDateTime, PageQuery, QueryBoolean } from './common.ts';

export const Notification = z.object({
  id: Id,
  type: z.string(),
  title: z.string(),
  body: z.string(),
  /** Path in the web app, e.g. /logs/<id>. */
  link: z.string(),
  entity_type: z.string(),
  entity_id: z.string(),
  read_at: IsoDateTime.nullable(),
  created_at: IsoDateTime,
});
export type Notification = z.infer<typeof Notification>;

export const ListNotificationsQuery = PageQuery.extend({ unread: QueryBoolean.optional() });
export const NotificationSummary = z.object({ unread_count: z.number().int().nonnegative() });
export const ReadAllResult = z.object({ marked_read: z.number().int().nonnegative() });
