import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router-dom';
import { useApi } from '../../api/ApiProvider.tsx';
import { logSaved, sendTransition } from './api.ts';
import type { LogPageLocationState } from './locationState.ts';

/**
 * The last step of "Submit for approval", from a new plan or an edited one: send the submit with the
 * version just saved, then leave for the log's page, which says it was submitted. `leave` lets the
 * caller drop its unsaved-changes guard first.
 */
export const useSubmitPlan = (leave: () => void) => {
  const api = useApi();
  const client = useQueryClient();
  const navigate = useNavigate();
  return useCallback(
    async (id: string, version: number) => {
      const submitted = await sendTransition(api, id, { action: 'submit', body: { version } });
      logSaved(client, submitted);
      leave();
      const state: LogPageLocationState = { notice: 'Plan submitted for approval.' };
      navigate(`/logs/${submitted.id}`, { state });
    },
    [api, client, navigate, leave],
  );
};
