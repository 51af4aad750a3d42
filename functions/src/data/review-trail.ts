import type { MentorshipLog, TrailEntry } from '@dml/shared';
import { stripStorage } from './items.ts';
import { keys } from './keys.ts';
import { queryPage } from './query.ts';
import { tableItem, type Write } from './transact.ts';

/**
 * The review trail, one item per step, written in the same transaction as the step. The log item
 * keeps only its most recent steps (so it stays small however often it goes round the review loop);
 * the history and the PDF report read the whole trail from here.
 */
export const trailStepWrite = (logId: string, version: number, step: TrailEntry): Write => ({
  item: tableItem('Put', {
    Item: { ...keys.trailStep(logId, step.at, version), entity: 'trail_step', ...step },
  }),
});

const PAGE = 100;
const sameStep = (step: TrailEntry) => `${step.at}|${step.action}|${step.by}`;

/**
 * Every step of a log's trail, oldest first: the stored steps, plus any the log item holds that
 * have no item of their own (logs written before the trail had its own items).
 */
export const fullTrail = async (log: MentorshipLog): Promise<TrailEntry[]> => {
  const stored: TrailEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryPage({ partition: keys.trailStep(log.id, '', 0).pk, limit: PAGE, cursor });
    stored.push(...page.items.map((item) => stripStorage<TrailEntry>(item)));
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  const seen = new Set(stored.map(sameStep));
  const inlineOnly = log.review_trail.filter((step) => !seen.has(sameStep(step)));
  return [...inlineOnly, ...stored].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
};
