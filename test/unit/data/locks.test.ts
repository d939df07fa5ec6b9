import { describe, expect, it } from 'vitest';
import { holdLock, ifFree, LocalLocks, setLockManager, whenFree } from '../../../src/data/locks.ts';

describe('locks (the in-process stand-in for navigator.locks)', () => {
  it('grants many shared holders or one exclusive, in order; ifAvailable never waits', async () => {
    setLockManager(new LocalLocks());
    try {
      const a = await holdLock('x', 'shared');
      const b = await holdLock('x', 'shared');
      expect((await ifFree('x', () => Promise.resolve(1))).ran).toBe(false);
      const order: string[] = [];
      const exclusive = whenFree('x', async () => void order.push('exclusive'));
      // A shared request after a waiting exclusive one waits behind it (no starvation).
      const late = holdLock('x', 'shared').then((r) => {
        order.push('late shared');
        return r;
      });
      void a();
      expect(order).toEqual([]);
      await b();
      await exclusive;
      await (
        await late
      )();
      expect(order).toEqual(['exclusive', 'late shared']);
      expect(await ifFree('x', () => Promise.resolve(2))).toEqual({ ran: true, value: 2 });
    } finally {
      setLockManager(undefined);
    }
  });

  it('releases a lock when its callback throws', async () => {
    setLockManager(new LocalLocks());
    try {
      await expect(whenFree('y', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
      expect((await ifFree('y', () => Promise.resolve(0))).ran).toBe(true);
    } finally {
      setLockManager(undefined);
    }
  });
});
