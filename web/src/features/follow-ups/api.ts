import type {
  CreateFollowUpBody,
  FollowUp,
  FollowUpStatus,
  ListFollowUpsQuery,
} from '@dml/shared/api/follow-ups';
import { adminRoutes } from '@dml/shared/routes/admin';
import { followUpRoutes } from '@dml/shared/routes/follow-ups';
import type * as z from '@dml/shared/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider.tsx';
import { usePagedQuery } from '../../api/usePagedQuery.ts';
import { followUpKeys } from './keys.ts';

export type FollowUpFilters = Omit<z.input<typeof ListFollowUpsQuery>, 'limit' | 'cursor'>;

export const FOLLOW_UP_PAGE_SIZE = 25;

export const useFollowUpList = (filters: FollowUpFilters, { enabled = true } = {}) => {
  const api = useApi();
  return usePagedQuery<FollowUp>(
    followUpKeys.list(filters),
    (cursor, signal) =>
      api.request(followUpRoutes.listFollowUps, {
        query: { ...filters, limit: FOLLOW_UP_PAGE_SIZE, cursor },
        signal,
      }),
    { enabled },
  );
};

/** Who may be given a follow-up at a facility (only reviewers may list a facility's users). */
export const useAssignees = (facilityId: string, enabled: boolean) => {
  const api = useApi();
  return useQuery({
    queryKey: followUpKeys.assignees(facilityId),
    queryFn: ({ signal }) =>
      api.request(adminRoutes.listFacilityUsers, { params: { id: facilityId }, signal }),
    enabled,
    staleTime: 5 * 60_000,
  });
};

/** A follow-up changed: replace it in every cached list, then refresh the lists in the background. */
const useFollowUpChanged = () => {
  const client = useQueryClient();
  return (followUp: FollowUp) => {
    client.setQueriesData<{ pages: { items: FollowUp[]; next_cursor: string | null }[] }>(
      { queryKey: followUpKeys.lists },
      (data) =>
        data && {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: page.items.map((item) => (item.id === followUp.id ? followUp : item)),
          })),
        },
    );
    void client.invalidateQueries({ queryKey: followUpKeys.lists });
  };
};

export const useCreateFollowUp = (logId: string) => {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateFollowUpBody; idempotencyKey: string }) =>
      api.request(followUpRoutes.createFollowUp, { params: { id: logId }, body, idempotencyKey }),
    onSuccess: () => void client.invalidateQueries({ queryKey: followUpKeys.lists }),
  });
};

export const useChangeFollowUpStatus = () => {
  const api = useApi();
  const changed = useFollowUpChanged();
  return useMutation({
    mutationFn: ({ followUp, status, note }: { followUp: FollowUp; status: FollowUpStatus; note?: string }) =>
      api.request(followUpRoutes.updateFollowUpStatus, {
        params: { id: followUp.id },
        body: { version: followUp.version, status, ...(note ? { note } : {}) },
      }),
    onSuccess: changed,
  });
};

export const useDeleteFollowUp = () => {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (followUp: FollowUp) =>
      api.request(followUpRoutes.deleteFollowUp, {
        params: { id: followUp.id },
        query: { version: followUp.version },
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: followUpKeys.lists }),
  });
};

export { useFollowUpChanged };
