import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';

/**
 * What the previous page handed over in the navigation state (a notice to show, a dialog to open),
 * read once and then cleared from the history entry, so a reload or coming back never repeats it.
 */
export const useArrivalState = <T extends object>(): T | null => {
  const location = useLocation();
  const navigate = useNavigate();
  const [arrival] = useState(() => (location.state as T | null) ?? null);
  const hasState = location.state !== null && location.state !== undefined;
  useEffect(() => {
    if (hasState) void navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
  }, [hasState, navigate, location.pathname, location.search]);
  return arrival;
};
