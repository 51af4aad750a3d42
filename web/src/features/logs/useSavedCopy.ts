import type { MentorshipLogView } from '@dml/shared/api/logs';
import { useCallback, useRef, useState } from 'react';

/**
 * The last saved copy of the log being edited: what "changed" is measured against and whose version
 * the next PUT sends. The ref gives async flows the newest copy without waiting for a render.
 */
export const useSavedCopy = (log: MentorshipLogView) => {
  const [base, setBaseState] = useState(log);
  const baseRef = useRef(base);
  const setBase = useCallback((next: MentorshipLogView) => {
    baseRef.current = next;
    setBaseState(next);
  }, []);
  return { base, baseRef, setBase };
};
export type SavedCopy = ReturnType<typeof useSavedCopy>;
