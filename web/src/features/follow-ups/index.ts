/** What other features use of follow-ups: a log's follow-up list, and the cache keys a log change refreshes. */
export { followUpKeys } from './keys.ts';
export { LogFollowUps } from './LogFollowUps.tsx';
