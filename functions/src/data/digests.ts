import { deleteItem, putIfAbsent } from './claims.ts';
import { keys } from './keys.ts';

/** Markers outlive the re-run window by far, then expire. */
const DIGEST_MARKER_TTL_SECONDS = 40 * 86_400;

/** A digest goes out at most once per person per day: the marker is claimed before sending. */
export const claimDigest = (date: string, userId: string, at: Date) =>
  putIfAbsent({
    ...keys.digestSent(date, userId),
    entity: 'digest_sent',
    sent_at: at.toISOString(),
    expires_at: Math.floor(at.getTime() / 1000) + DIGEST_MARKER_TTL_SECONDS,
  });

/** Gives the day's claim back after a failed send, so a re-run today tries this person again. */
export const releaseDigest = async (date: string, userId: string) => {
  await deleteItem(keys.digestSent(date, userId));
};
