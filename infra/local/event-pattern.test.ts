import { describe, expect, it } from 'vitest';
import { type BusEvent, matchesPattern } from './event-pattern.ts';

const event = (overrides: Partial<BusEvent> = {}): BusEvent => ({
  id: '1',
  source: 'dml.app',
  'detail-type': 'mentorship-log.submitted',
  time: '2026-11-24T10:00:00Z',
  detail: { log_id: 'abc', status: 'submitted', tags: ['urgent', 'kano'] },
  ...overrides,
});

describe('local EventBridge pattern matching', () => {
  it('matches when every named field has an allowed value', () => {
    expect(
      matchesPattern({ source: ['dml.app'], 'detail-type': ['mentorship-log.submitted'] }, event()),
    ).toBe(true);
  });

  it('rejects an event whose detail-type is not listed', () => {
    expect(matchesPattern({ 'detail-type': ['mentorship-log.approved'] }, event())).toBe(false);
  });

  it('matches nested detail fields and array members', () => {
    expect(matchesPattern({ detail: { status: ['submitted'], tags: ['kano'] } }, event())).toBe(true);
    expect(matchesPattern({ detail: { status: ['approved'] } }, event())).toBe(false);
  });

  it('supports prefix, exists and anything-but', () => {
    expect(matchesPattern({ detail: { status: [{ prefix: 'sub' }] } }, event())).toBe(true);
    expect(matchesPattern({ detail: { log_id: [{ exists: true }] } }, event())).toBe(true);
    expect(matchesPattern({ detail: { missing: [{ exists: false }] } }, event())).toBe(true);
    expect(matchesPattern({ detail: { status: [{ 'anything-but': ['draft'] }] } }, event())).toBe(true);
    expect(matchesPattern({ detail: { status: [{ 'anything-but': ['submitted'] }] } }, event())).toBe(false);
  });

  it('an empty pattern matches everything, as in EventBridge', () => {
    expect(matchesPattern({}, event())).toBe(true);
  });
});
