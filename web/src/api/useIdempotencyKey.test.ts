import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useIdempotencyKey } from './useIdempotencyKey.ts';

describe('useIdempotencyKey', () => {
  it('keeps one key across re-renders (retries of a submission) and renews it on demand', () => {
    const { result, rerender } = renderHook(() => useIdempotencyKey());
    const first = result.current.key;

    rerender();
    expect(result.current.key).toBe(first);

    act(() => result.current.renew());
    expect(result.current.key).not.toBe(first);
    expect(result.current.key).toMatch(/^[0-9a-f-]{36}$/);
  });
});
