import { describe, expect, it } from 'vitest';
import { oneLine } from './layout.ts';
import { noticeEmail } from './notice.ts';

describe('notice emails', () => {
  it('never put a line break or a direction control of a name into the subject', () => {
    const email = noticeEmail({
      to: 'sup@example.org',
      name: 'Dr\r\nBcc: victim@example.org',
      title: 'Plan to review: Kano\r\nBcc: all@example.org General\u202E — 2030-01-01',
      body: 'Amina submitted a visit plan.',
      url: 'http://localhost:5173/logs/1',
    });
    expect(email.subject).toBe('Plan to review: Kano Bcc: all@example.org General — 2030-01-01');
    expect(email.subject).not.toMatch(/[\r\n\u202E]/);
    expect(email.text.split('\n')[0]).toBe('Hello Dr Bcc: victim@example.org,');
    expect(email.html).toContain(
      '<title>Plan to review: Kano Bcc: all@example.org General — 2030-01-01</title>',
    );
  });

  it('keeps subjects to a readable length', () => {
    expect(oneLine('x'.repeat(500))).toHaveLength(200);
    expect(oneLine('Ɗanbatta 😀')).toBe('Ɗanbatta 😀');
  });
});
