import { describe, expect, it } from 'vitest';
import { issuesToDetails } from './errors.ts';
import { AssignFacilitiesBody, MAX_FACILITIES_PER_REQUEST } from './facilities.ts';

const id = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const detailsOf = (body: unknown) => {
  const result = AssignFacilitiesBody.safeParse(body);
  return result.success ? [] : issuesToDetails(result.error.issues);
};

describe('assign-facilities body errors', () => {
  it('names facility_ids and the limit when too many ids are sent', () => {
    const ids = Array.from({ length: MAX_FACILITIES_PER_REQUEST + 1 }, (_, i) => id(i));
    expect(detailsOf({ facility_ids: ids })).toEqual([
      { path: 'facility_ids', message: `at most ${MAX_FACILITIES_PER_REQUEST} facilities at a time` },
    ]);
  });

  it('accepts exactly the limit', () => {
    const ids = Array.from({ length: MAX_FACILITIES_PER_REQUEST }, (_, i) => id(i));
    expect(AssignFacilitiesBody.safeParse({ facility_ids: ids }).success).toBe(true);
  });

  it('names the state field when the state form is malformed', () => {
    expect(detailsOf({ state: 5 }).map((d) => d.path)).toEqual(['state']);
  });

  it('stays generic when the body matches neither form', () => {
    expect(detailsOf({}).map((d) => d.path)).toEqual(['(root)']);
  });
});
