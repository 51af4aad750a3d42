import type { AssignFacilitiesBody } from '@dml/shared/api/facilities';
import type { ListUsersQuery, UpdateUserBody, User, UserCreated } from '@dml/shared/api/users';
import { adminRoutes } from '@dml/shared/routes/admin';
import type * as z from '@dml/shared/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider.tsx';
import type { RequestOptions } from '../../api/client.ts';
import { usePagedQuery } from '../../api/usePagedQuery.ts';
import { facilityKeys } from '../facilities/index.ts';
import { userKeys } from './keys.ts';

export type UserFilters = Omit<z.input<typeof ListUsersQuery>, 'limit' | 'cursor'>;

export const USER_PAGE_SIZE = 25;

export const useUserList = (
  filters: UserFilters,
  { limit = USER_PAGE_SIZE, enabled = true }: { limit?: number; enabled?: boolean } = {},
) => {
  const api = useApi();
  const key = limit === USER_PAGE_SIZE ? filters : { ...filters, limit };
  return usePagedQuery(
    userKeys.list(key),
    (cursor, signal) => api.request(adminRoutes.listUsers, { query: { ...filters, limit, cursor }, signal }),
    { enabled },
  );
};

export const useUser = (id: string) => {
  const api = useApi();
  return useQuery({
    queryKey: userKeys.detail(id),
    queryFn: ({ signal }) => api.request(adminRoutes.getUser, { params: { id }, signal }),
  });
};

export const useAssignedFacilities = (id: string) => {
  const api = useApi();
  return useQuery({
    queryKey: facilityKeys.ofUser(id),
    queryFn: ({ signal }) => api.request(adminRoutes.listAssignedFacilities, { params: { id }, signal }),
  });
};

/** A changed user: refresh the cached copy and the lists it appears in. */
const useUserSaved = () => {
  const client = useQueryClient();
  return (user: User | UserCreated) => {
    const { invitation_sent: _sent, ...plain } = user as UserCreated;
    client.setQueryData(userKeys.detail(user.id), plain);
    void client.invalidateQueries({ queryKey: userKeys.lists });
  };
};

type CreateVariables = Pick<RequestOptions<typeof adminRoutes.createUser>, 'body' | 'idempotencyKey'>;

export const useCreateUser = () => {
  const api = useApi();
  const saved = useUserSaved();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: CreateVariables) =>
      api.request(adminRoutes.createUser, { body, idempotencyKey }),
    onSuccess: saved,
  });
};

export const useUpdateUser = () => {
  const api = useApi();
  const saved = useUserSaved();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserBody }) =>
      api.request(adminRoutes.updateUser, { params: { id }, body }),
    onSuccess: saved,
  });
};

export const useDeactivateUser = () => {
  const api = useApi();
  const saved = useUserSaved();
  return useMutation({
    mutationFn: (user: User) =>
      api.request(adminRoutes.deactivateUser, { params: { id: user.id }, query: { version: user.version } }),
    onSuccess: saved,
  });
};

export const useResendInvitation = () => {
  const api = useApi();
  return useMutation({
    mutationFn: (id: string) => api.request(adminRoutes.resendInvitation, { params: { id } }),
  });
};

export const useAssignFacilities = (userId: string) => {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AssignFacilitiesBody) =>
      api.request(adminRoutes.assignFacilities, { params: { id: userId }, body }),
    onSuccess: (result) => {
      client.setQueryData(facilityKeys.ofUser(userId), result);
      // Each facility's "assigned users" changed too.
      void client.invalidateQueries({ queryKey: facilityKeys.allUsers });
    },
  });
};
