import type { IdPath, Page } from '@dml/shared/api/common';
import type {
  CreateLogBody,
  ListLogsQuery,
  LogSummary,
  MentorshipLogView,
  UpdateLogBody,
} from '@dml/shared/api/logs';
import type { LogAction } from '@dml/shared/domain/lifecycle';
import type { RouteDef } from '@dml/shared/routes/define';
import { logRoutes, type TransitionRoute, transitionRouteId } from '@dml/shared/routes/logs';
import type * as z from '@dml/shared/zod';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider.tsx';
import { usePagedQuery } from '../../api/usePagedQuery.ts';
import { followUpKeys } from '../follow-ups/index.ts';
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

/** A lifecycle action with the body its route takes, or a restore: one member per route of the table. */
export type TransitionRequest =
  | { [A in LogAction]: { action: A; body: z.input<TransitionRoute<A>['body']> } }[LogAction]
  | { action: 'restore'; body: z.input<typeof logRoutes.restoreLog.body> };

/** What every action route shares: the log's id in the path, the log in its new state back. */
type ActionRoute = RouteDef & {
  params: typeof IdPath;
  body: z.core.$ZodType;
  response: typeof MentorshipLogView;
};

const actionRoute = (action: TransitionRequest['action']): ActionRoute =>
  action === 'restore' ? logRoutes.restoreLog : logRoutes[transitionRouteId(action)];

/** Sends an action to its route; the request type already pairs each action with its body. */
export const sendTransition = (
  api: ReturnType<typeof useApi>,
  id: string,
  { action, body }: TransitionRequest,
): Promise<MentorshipLogView> => api.request(actionRoute(action), { params: { id }, body });

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
