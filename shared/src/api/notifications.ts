import * as z from '../zod.ts';
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
  read_at: z.nullable(IsoDateTime),
  created_at: IsoDateTime,
});
export type Notification = z.infer<typeof Notification>;

export const ListNotificationsQuery = z.extend(PageQuery, { unread: z.optional(QueryBoolean) });
export const NotificationSummary = z.object({ unread_count: z.int().check(z.nonnegative()) });
export const ReadAllResult = z.object({ marked_read: z.int().check(z.nonnegative()) });
