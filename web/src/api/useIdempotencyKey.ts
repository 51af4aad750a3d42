import { useCallback, useState } from 'react';

/**
 * One `Idempotency-Key` per submission of a creating form: kept across retries (phones retry on bad
 * networks and the server must create only once), renewed after a success so the next submission is new.
 */
export const useIdempotencyKey = () => {
  const [key, setKey] = useState(() => crypto.randomUUID());
  const renew = useCallback(() => setKey(crypto.randomUUID()), []);
  return { key, renew };
};
