import { describe, expect, it } from 'vitest';
import { buildDigests, type DueFollowUp } from './digest.ts';

const thresholds = { dueSoonDays: 3, escalateAfterDays: 7, reviewWaitDays: 3 };
const today = '2026-12-01';
const now = new Date('2026-12-01T05:00:00Z');
const followUp = (id: string, due: string, extra: Partial<DueFollowUp> = {}): DueFollowUp => ({
  id,
  action_item: `Action ${id}`,
  due_date: due,
  facility_id: 'f1',
  facility_name: 'Dala',
  assigned_to: 'assignee',
  log_owner_id: 'owner',
  mentorship_log_id: 'l1',
  ...extra,
});
const build = (input: Partial<Parameters<typeof buildDigests>[0]>) =>
  buildDigests({
    today,
    now,
    thresholds,
    followUps: [],
    visitsTomorrow: [],
    reviewsWaiting: [],
    supervisorsOf: () => ['sup'],
    ...input,
  });

describe('who is reminded of what', () => {
  it('sends follow-ups due within 3 days to the assignee only', () => {
    const digests = build({
      followUps: [followUp('a', '2026-12-01'), followUp('b', '2026-12-04'), followUp('c', '2026-12-05')],
    });
    expect(digests.get('assignee')?.dueSoon.map((l) => l.text)).toEqual([
      'Action a — Dala, due 2026-12-01',
      'Action b — Dala, due 2026-12-04',
    ]);
    expect(digests.has('owner')).toBe(false);
  });

  it('sends overdue follow-ups to the assignee and the log owner, escalating after 7 days', () => {
    const digests = build({
      followUps: [followUp('late', '2026-11-28'), followUp('very-late', '2026-11-20')],
    });
    expect(digests.get('assignee')?.overdue).toHaveLength(2);
    expect(digests.get('owner')?.overdue).toHaveLength(2);
    expect(digests.get('sup')?.escalated.map((l) => l.text)).toEqual([
      'Action very-late — Dala, due 2026-11-20 (11 days overdue)',
    ]);
  });

  it('lists an item once when the assignee is also the owner', () => {
    const digests = build({ followUps: [followUp('x', '2026-11-30', { log_owner_id: 'assignee' })] });
    expect(digests.get('assignee')?.overdue).toHaveLength(1);
  });

  it('reminds mentors of approved visits tomorrow and supervisors of reviews waiting over 3 days', () => {
    const digests = build({
      visitsTomorrow: [{ id: 'v1', facility_name: 'Gwale', visit_date: '2026-12-02', mentor_id: 'mentor' }],
      reviewsWaiting: [
        {
          log_id: 'l9',
          facility_id: 'f1',
          facility_name: 'Dala',
          mentor_name: 'Grace',
          status: 'submitted',
          since: '2026-11-26T09:00:00Z',
          visit_date: '2026-12-05',
        },
        {
          log_id: 'l8',
          facility_id: 'f1',
          facility_name: 'Dala',
          mentor_name: 'Grace',
          status: 'completed',
          since: '2026-11-30T09:00:00Z',
          visit_date: '2026-11-29',
        },
      ],
    });
    expect(digests.get('mentor')?.visitsTomorrow).toEqual([{ text: 'Gwale, 2026-12-02', link: '/logs/v1' }]);
    expect(digests.get('sup')?.reviewsWaiting.map((l) => l.link)).toEqual(['/logs/l9']);
  });
});
