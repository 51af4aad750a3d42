import { useCallback, useEffect, useRef, useState } from 'react';

/** What one save attempt came to. */
export type SaveOutcome =
  /** Saved (or nothing left to save). */
  | 'saved'
  /** No network (or a server hiccup): try again later, with the same changes. */
  | 'offline'
  /** Refused (invalid fields, conflict): wait until the user changes something. */
  | 'failed';

export type AutosaveStatus =
  | { state: 'idle' }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'saved'; at: Date }
  | { state: 'offline' }
  | { state: 'failed' };

export type AutosaveTiming = {
  /** Quiet time after the last keystroke before saving. */
  delay: number;
  /** Waits before each retry while offline; the last repeats. */
  retries: readonly number[];
};

export const AUTOSAVE_TIMING: AutosaveTiming = { delay: 1500, retries: [5000, 10_000, 20_000, 30_000] };

type Options = {
  /** What would be saved now, as a stable string; null when nothing needs saving. */
  pending: string | null;
  /** False while autosave must wait (e.g. a conflict is on screen). */
  enabled: boolean;
  save: () => Promise<SaveOutcome>;
  timing?: AutosaveTiming;
};

/**
 * Saves changes once typing pauses, one request at a time (each PUT carries the version the last one
 * returned). Offline, it keeps the changes and retries with a growing wait, and at once when the
 * browser says it is back online. `flush()` saves now (the Save button, "Save and leave").
 */
export const useAutosave = ({ pending, enabled, save, timing = AUTOSAVE_TIMING }: Options) => {
  const [status, setStatus] = useState<AutosaveStatus>({ state: 'idle' });
  // Bumped after every attempt: the effect re-arms even when `pending` reads the same as before.
  const [round, setRound] = useState(0);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);
  const running = useRef<Promise<SaveOutcome> | null>(null);
  const failures = useRef(0);
  const refused = useRef<string | null>(null);
  const pendingRef = useRef(pending);
  useEffect(() => {
    pendingRef.current = pending;
  }, [pending]);

  /** One attempt at a time; a second caller waits for the first, then saves what is still pending. */
  const attempt = useCallback(async (): Promise<SaveOutcome> => {
    while (running.current) await running.current.catch(() => undefined);
    if (pendingRef.current === null) return 'saved';
    const key = pendingRef.current;
    setStatus({ state: 'saving' });
    const run = saveRef.current();
    running.current = run;
    let outcome: SaveOutcome;
    try {
      outcome = await run;
    } catch {
      outcome = 'failed';
    } finally {
      running.current = null;
    }
    if (outcome === 'saved') {
      failures.current = 0;
      refused.current = null;
      setStatus({ state: 'saved', at: new Date() });
    } else if (outcome === 'offline') {
      failures.current += 1;
      setStatus({ state: 'offline' });
    } else {
      refused.current = key;
      setStatus({ state: 'failed' });
    }
    setRound((n) => n + 1);
    return outcome;
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `round` re-arms the timer after each attempt
  useEffect(() => {
    if (!enabled || pending === null || running.current || refused.current === pending) return;
    const wait =
      failures.current > 0
        ? (timing.retries[Math.min(failures.current - 1, timing.retries.length - 1)] ?? timing.delay)
        : timing.delay;
    const timer = setTimeout(() => void attempt(), wait);
    return () => clearTimeout(timer);
  }, [enabled, pending, round, attempt, timing]);

  // Back online: retry now rather than at the end of the backoff.
  useEffect(() => {
    const retryNow = () => {
      if (failures.current === 0) return;
      failures.current = 0;
      setRound((n) => n + 1);
    };
    window.addEventListener('online', retryNow);
    return () => window.removeEventListener('online', retryNow);
  }, []);

  /** After the caller settled things itself (a conflict resolved): show it as saved, or as nothing to say. */
  const settle = useCallback((saved: boolean) => {
    failures.current = 0;
    refused.current = null;
    setStatus(saved ? { state: 'saved', at: new Date() } : { state: 'idle' });
  }, []);

  const flush = useCallback(() => {
    refused.current = null;
    return attempt();
  }, [attempt]);

  /** The status to show: unsaved edits waiting for the pause count as "pending". */
  const shown: AutosaveStatus =
    pending !== null && (status.state === 'idle' || status.state === 'saved') ? { state: 'pending' } : status;
  return { status: shown, flush, settle, saving: status.state === 'saving' };
};
