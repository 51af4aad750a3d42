import { describe, expect, it } from 'vitest';
import { mapBounded } from './concurrency.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('mapBounded', () => {
  it('never has more than the limit in flight', async () => {
    let inFlight = 0;
    let most = 0;
    await mapBounded(
      Array.from({ length: 50 }, (_, i) => i),
      8,
      async () => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await tick();
        inFlight -= 1;
      },
    );
    expect(most).toBe(8);
  });

  it('returns the results in input order even when calls finish out of order', async () => {
    const out = await mapBounded([30, 1, 20, 2], 3, async (ms) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return ms * 10;
    });
    expect(out).toEqual([300, 10, 200, 20]);
  });

  it('maps an empty list to an empty list', async () => {
    expect(await mapBounded([], 8, async () => 1)).toEqual([]);
  });

  it('rejects when a call fails', async () => {
    await expect(
      mapBounded([1, 2, 3], 2, async (n) => {
        if (n === 2) throw new Error('boom');
        return n;
      }),
    ).rejects.toThrow('boom');
  });
});
