import type { Page } from '@dml/shared/api/common';
import type {
  CompleteBody,
  CreateLogBody,
  ListLogsQuery,
  LogSummary,
  MentorshipLogView,
  UpdateLogBody,
} from '@dml/shared/api/logs';
import { logRoutes } from '@dml/shared/routes/logs';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type * as z from 'zod';
import { useApi } from '../../api/ApiProvider.tsx';
import { usePagedQuery } from '../../api/usePagedQuery.ts';
import { followUpKeys } from '../follow-ups/keys.ts';
import { logKeys } from './keys.ts';

export type LogFilters = Omit<z.input<typeof ListLogsQuery>, 'limit' | 'cursor'>;

export const LOG_PAGE_SIZE = 25;

export const useLogList = (filters: LogFilters, { limit = LOG_PAGE_SIZE, enabled = true } = {}) => {
  const api = useApi();
  return usePagedQuery<LogSummary>(
    logKeys.list({ ...filters, limit }),
    (cursor, signal) => api.request(logRoutes.listLogs, { query: { ...filters, limit, cursor }, signal }),
    { enabled },
  );
};

export const useLog = (id: string) => {
  const api = useApi();
  return useQuery({
    queryKey: logKeys.detail(id),
    queryFn: ({ signal }) => api.request(logRoutes.getLog, { params: { id }, signal }),
  });
};

/** What a new plan for the facility starts from (open follow-ups, the last visit's outcomes). */
export const useCarryOver = (facilityId: string | undefined) => {
  const api = useApi();
  return useQuery({
    queryKey: logKeys.carryOver(facilityId ?? ''),
    queryFn: ({ signal }) =>
      api.request(logRoutes.logCarryOver, { query: { facility_id: facilityId ?? '' }, signal }),
    enabled: Boolean(facilityId),
    staleTime: 5 * 60_000,
  });
};

/** A log changed: its page shows the new copy at once, the lists refresh in the background. */
export const logSaved = (client: QueryClient, log: MentorshipLogView) => {
  client.setQueryData(logKeys.detail(log.id), log);
  void client.invalidateQueries({ queryKey: logKeys.lists });
};

/** A list row as it looks after `log` changed (so lists update without waiting for a refetch). */
const patchRows = (client: QueryClient, log: MentorshipLogView) => {
  client.setQueriesData<{ pages: Page<LogSummary>[]; pageParams: unknown[] }>(
    { queryKey: logKeys.lists },
    (data) =>
      data && {
        ...data,
        pages: data.pages.map((page) => ({
          ...page,
          items: page.items.map((row) =>
            row.id === log.id
              ? { ...row, status: log.status, version: log.version, deleted_at: log.deleted_at }
              : row,
          ),
        })),
      },
  );
};

export const useCreateLog = () => {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateLogBody; idempotencyKey: string }) =>
      api.request(logRoutes.createLog, { body, idempotencyKey }),
    onSuccess: (log) => logSaved(client, log),
  });
};

export const useUpdateLog = () => {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateLogBody }) =>
      api.request(logRoutes.updateLog, { params: { id }, body }),
    onSuccess: (log) => logSaved(client, log),
  });
};

export type TransitionRequest =
  | { action: 'submit' | 'withdraw' | 'approve' | 'verify'; body: { version: number; comment?: string } }
  | { action: 'return'; body: { version: number; comment: string } }
  | { action: 'reopen'; body: { version: number; reason: string } }
  | { action: 'complete'; body: CompleteBody }
  | { action: 'restore'; body: { version: number } };

export const sendTransition = (
  api: ReturnType<typeof useApi>,
  id: string,
  request: TransitionRequest,
): Promise<MentorshipLogView> => {
  const params = { id };
  switch (request.action) {
    case 'submit':
      return api.request(logRoutes.submitLog, { params, body: request.body });
    case 'withdraw':
      return api.request(logRoutes.withdrawLog, { params, body: request.body });
    case 'approve':
      return api.request(logRoutes.approveLog, { params, body: request.body });
    case 'verify':
      return api.request(logRoutes.verifyLog, { params, body: request.body });
    case 'return':
      return api.request(logRoutes.returnLog, { params, body: request.body });
    case 'reopen':
      return api.request(logRoutes.reopenLog, { params, body: request.body });
    case 'complete':
      return api.request(logRoutes.completeLog, { params, body: request.body });
    case 'restore':
      return api.request(logRoutes.restoreLog, { params, body: request.body });
  }
};

/** Moves a log along its lifecycle (submit, approve, complete…), or restores a deleted one. */
export const useLogTransition = (id: string) => {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: TransitionRequest) => sendTransition(api, id, request),
    onSuccess: (log) => {
      logSaved(client, log);
      patchRows(client, log);
      // Completing a visit or verifying it shows up in follow-up lists (log owner, facility).
      void client.invalidateQueries({ queryKey: followUpKeys.all });
    },
  });
};

export const useDeleteLog = () => {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api.request(logRoutes.deleteLog, { params: { id }, query: { version } }),
    onSuccess: (log) => {
      logSaved(client, log);
      patchRows(client, log);
    },
  });
};
