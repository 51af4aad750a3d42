import { describe, expect, it } from 'vitest';
import { allowedActions, checkTransition } from './lifecycle.ts';

const owner = { isOwner: true, role: 'mentor' as const, inScope: true };
const reviewer = { isOwner: false, role: 'supervisor' as const, inScope: true };
const admin = { isOwner: false, role: 'admin' as const, inScope: true };

describe('allowed actions', () => {
  it('offers owners submit on drafts and returned plans, complete on approved ones', () => {
    expect(allowedActions('draft', owner)).toEqual(['submit']);
    expect(allowedActions('returned', owner)).toEqual(['submit']);
    expect(allowedActions('submitted', owner)).toEqual(['withdraw']);
    expect(allowedActions('approved', owner)).toEqual(['complete']);
  });

  it('offers reviewers approve/return, then verify/return, and admins reopen', () => {
    expect(allowedActions('submitted', reviewer)).toEqual(['approve', 'return']);
    expect(allowedActions('completed', reviewer)).toEqual(['return', 'verify']);
    expect(allowedActions('verified', reviewer)).toEqual([]);
    expect(allowedActions('verified', admin)).toEqual(['reopen']);
  });

  it('offers nothing on a deleted log', () => {
    expect(allowedActions('draft', owner, true)).toEqual([]);
  });
});

describe('a refused transition explains itself', () => {
  it('names the status and what is possible', () => {
    const result = checkTransition('approve', 'draft', reviewer);
    expect(result).toMatchObject({ ok: false, reason: 'wrong_status', allowed: [] });
    if (!result.ok) expect(result.message).toContain('draft');
  });

  it('refuses a supervisor out of scope and an owner reviewing their own log', () => {
    expect(checkTransition('approve', 'submitted', { ...reviewer, inScope: false })).toMatchObject({
      ok: false,
      reason: 'not_allowed',
    });
    expect(
      checkTransition('approve', 'submitted', { isOwner: true, role: 'supervisor', inScope: true }),
    ).toMatchObject({ ok: false, reason: 'not_allowed' });
    expect(checkTransition('return', 'completed', reviewer)).toEqual({ ok: true, to: 'approved' });
  });
});
