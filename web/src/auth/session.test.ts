import { describe, expect, it } from 'vitest';
import { roleFromGroups } from './session.ts';

describe('roleFromGroups', () => {
  it('takes the most privileged role among the Cognito groups', () => {
    expect(roleFromGroups(['mentor', 'supervisor'])).toBe('supervisor');
    expect(roleFromGroups(['mentor'])).toBe('mentor');
  });

  it('is null when no group is a role', () => {
    expect(roleFromGroups(['beta-testers'])).toBeNull();
    expect(roleFromGroups(undefined)).toBeNull();
  });
});
