import type { FollowUp, MentorshipLog } from '@dml/shared';
import { describe, expect, it } from 'vitest';
import { facilityTag, figureDeltas, followUpContributions, logContributions } from './figures.ts';

const placement = { facilityState: 'Kano', coverers: ['sup-1'] };
const facility = '11111111-2222-4333-8444-555555555555';
const log = (overrides: Partial<MentorshipLog>): MentorshipLog =>
  ({
    id: 'l1',
    facility_id: facility,
    mentor_id: 'm1',
    visit_date: '2026-11-20',
    status: 'draft',
    submitted_at: null,
    approved_at: null,
    verified_at: null,
    deleted_at: null,
    check_in: null,
    ...overrides,
  }) as MentorshipLog;

const attrsFor = (subject: string, contributions: ReturnType<typeof logContributions>) =>
  contributions
    .filter((c) => c.subject === subject)
    .map((c) => `${c.sk} ${c.attr}`)
    .sort();

describe('what a log contributes to the figures', () => {
  it('counts a draft as planned in its visit month, in every subject it belongs to', () => {
    const c = logContributions(log({}), placement);
    expect([...new Set(c.map((x) => x.subject))].sort()).toEqual([
      'FAC#11111111-2222-4333-8444-555555555555',
      'MENTOR#m1',
      'PROGRAMME',
      'STATE#kano',
      'USER#sup-1',
    ]);
    expect(attrsFor('PROGRAMME', c)).toEqual(['Y#2026 11|planned']);
  });

  it('counts a verified, off-site visit at every stage, with its timings and the facility as visited', () => {
    const c = logContributions(
      log({
        status: 'verified',
        submitted_at: '2026-11-01T10:00:00Z',
        approved_at: '2026-11-04T09:00:00Z',
        verified_at: '2026-11-25T08:00:00Z',
        check_in: { flag: 'off_site' } as MentorshipLog['check_in'],
      }),
      placement,
    );
    expect(attrsFor('PROGRAMME', c)).toEqual([
      'Y#2026 11|approve_days|2',
      'Y#2026 11|approved',
      'Y#2026 11|completed',
      'Y#2026 11|off_site',
      'Y#2026 11|planned',
      'Y#2026 11|verified',
      'Y#2026 11|verify_days|5',
      `Y#2026 v|${facilityTag(facility)}|11`,
    ]);
  });

  it('counts nothing for a deleted log', () => {
    expect(logContributions(log({ deleted_at: '2026-11-21T00:00:00Z' }), placement)).toEqual([]);
  });
});

describe('what a follow-up contributes', () => {
  const followUp = (overrides: Partial<FollowUp>) =>
    ({
      facility_id: facility,
      log_owner_id: 'm1',
      created_at: '2026-10-30T09:00:00Z',
      due_date: '2026-11-10',
      status: 'pending',
      completed_at: null,
      ...overrides,
    }) as FollowUp;

  it('is opened in its creation month and open by due date until closed', () => {
    expect(attrsFor('PROGRAMME', followUpContributions(followUp({}), placement))).toEqual([
      'CURRENT open_due|2026-11-10',
      'Y#2026 10|fu_opened',
    ]);
  });

  it('is closed in its completion month, on time when not after the due date', () => {
    expect(
      attrsFor(
        'PROGRAMME',
        followUpContributions(
          followUp({ status: 'completed', completed_at: '2026-11-10T18:00:00Z' }),
          placement,
        ),
      ),
    ).toEqual(['Y#2026 10|fu_opened', 'Y#2026 11|fu_closed', 'Y#2026 11|fu_closed_on_time']);
    expect(
      attrsFor(
        'PROGRAMME',
        followUpContributions(
          followUp({ status: 'completed', completed_at: '2026-11-11T08:00:00Z' }),
          placement,
        ),
      ),
    ).not.toContain('Y#2026 11|fu_closed_on_time');
  });
});

describe('deltas', () => {
  it('moves a log from submitted to approved as +approved only', () => {
    const before = logContributions(log({ status: 'submitted', submitted_at: '2026-11-01T10:00:00Z' }), {
      facilityState: 'Kano',
      coverers: [],
    });
    const after = logContributions(
      log({ status: 'approved', submitted_at: '2026-11-01T10:00:00Z', approved_at: '2026-11-02T10:00:00Z' }),
      { facilityState: 'Kano', coverers: [] },
    );
    const programme = figureDeltas(before, after).find((d) => d.subject === 'PROGRAMME');
    expect(programme).toEqual({
      subject: 'PROGRAMME',
      sk: 'Y#2026',
      deltas: { '11|approved': 1, '11|approve_days|1': 1 },
    });
  });

  it('moves the counts when the visit date moves to another month', () => {
    const deltas = figureDeltas(
      logContributions(log({}), placement),
      logContributions(log({ visit_date: '2027-01-05' }), placement),
    );
    expect(deltas.filter((d) => d.subject === 'PROGRAMME')).toEqual([
      { subject: 'PROGRAMME', sk: 'Y#2026', deltas: { '11|planned': -1 } },
      { subject: 'PROGRAMME', sk: 'Y#2027', deltas: { '01|planned': 1 } },
    ]);
  });
});
