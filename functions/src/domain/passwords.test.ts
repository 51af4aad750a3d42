import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { temporaryPassword } from './passwords.ts';

describe('temporary passwords', () => {
  it('always satisfy the pool policy: 16 characters with lower, upper, digit and symbol', () => {
    for (let i = 0; i < 200; i++) {
      const password = temporaryPassword(randomInt);
      expect(password).toHaveLength(16);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[0-9]/);
      expect(password).toMatch(/[^A-Za-z0-9]/);
    }
  });

  it('avoid look-alike characters (l, 1, O, 0) that people mistype from an email', () => {
    expect(temporaryPassword(randomInt, 64)).not.toMatch(/[lO01]/);
  });
});
