import { DEFAULT_TIME_ZONE, type FollowUp, todayIn } from '@dml/shared';
import { EXPORT_URL_SECONDS } from '../../adapters/exports.ts';
import { toFollowUp } from '../../data/follow-ups.ts';
import { partitions } from '../../data/keys.ts';
import { queryPage } from '../../data/query.ts';
import { optionalEnv } from '../../env.ts';

export const followUpsOf = async (logId: string) =>
  (await queryPage({ index: 'gsi1', partition: partitions.followUpsByLog(logId), limit: 100 })).items.map(
    toFollowUp,
  );

/** Follow-ups of many logs, a few queries at a time. */
export const followUpsOfAll = async (logIds: readonly string[]) => {
  const all: FollowUp[] = [];
  for (let i = 0; i < logIds.length; i += 20)
    all.push(...(await Promise.all(logIds.slice(i, i + 20).map(followUpsOf))).flat());
  return all;
};

export const expiry = (now: Date) => new Date(now.getTime() + EXPORT_URL_SECONDS * 1000).toISOString();
export const today = (now: Date) => todayIn(optionalEnv('timeZone') ?? DEFAULT_TIME_ZONE, now);
