import type { FollowUp } from '@dml/shared';
import { EXPORT_URL_SECONDS } from '#adapters/exports';
import { toFollowUp } from '#data/follow-ups';
import { followUpIndexes, partitions } from '#data/keys';
import { queryPage } from '#data/query';
import { programmeToday } from '#features/today';

/** Every follow-up of a log, page by page (a log may have hundreds). */
export const followUpsOf = async (logId: string) => {
  const all: FollowUp[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryPage({
      index: followUpIndexes.byLog,
      partition: partitions.followUpsByLog(logId),
      limit: 100,
      cursor,
    });
    all.push(...page.items.map(toFollowUp));
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return all;
};

/** Follow-ups of many logs, a few queries at a time. */
export const followUpsOfAll = async (logIds: readonly string[]) => {
  const all: FollowUp[] = [];
  for (let i = 0; i < logIds.length; i += 20)
    all.push(...(await Promise.all(logIds.slice(i, i + 20).map(followUpsOf))).flat());
  return all;
};

export const expiry = (now: Date) => new Date(now.getTime() + EXPORT_URL_SECONDS * 1000).toISOString();
export const today = programmeToday;
