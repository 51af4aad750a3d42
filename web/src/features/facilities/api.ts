import type { Facility, ListFacilitiesQuery, UpdateFacilityBody } from '@dml/shared/api/facilities';
import { adminRoutes } from '@dml/shared/routes/admin';
import type * as z from '@dml/shared/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider.tsx';
import type { RequestOptions } from '../../api/client.ts';
import { meQueryKey } from '../../api/useMe.ts';
import { usePagedQuery } from '../../api/usePagedQuery.ts';
import { facilityKeys } from './keys.ts';

export type FacilityFilters = Omit<z.input<typeof ListFacilitiesQuery>, 'limit' | 'cursor'>;

export const FACILITY_PAGE_SIZE = 25;

/** Facilities in the caller's scope (admins: all), page by page. */
export const useFacilityList = (filters: FacilityFilters, limit = FACILITY_PAGE_SIZE) => {
  const api = useApi();
  return usePagedQuery(facilityKeys.list({ ...filters, limit }), (cursor, signal) =>
    api.request(adminRoutes.listFacilities, { query: { ...filters, limit, cursor }, signal }),
  );
};

export const useFacility = (id: string) => {
  const api = useApi();
  return useQuery({
    queryKey: facilityKeys.detail(id),
    queryFn: ({ signal }) => api.request(adminRoutes.getFacility, { params: { id }, signal }),
  });
};

/** Who covers a facility (admins and supervisors only). */
export const useFacilityUsers = (id: string, enabled: boolean) => {
  const api = useApi();
  return useQuery({
    queryKey: facilityKeys.users(id),
    queryFn: ({ signal }) => api.request(adminRoutes.listFacilityUsers, { params: { id }, signal }),
    enabled,
  });
};

type CreateVariables = Pick<RequestOptions<typeof adminRoutes.createFacility>, 'body' | 'idempotencyKey'>;

export const useCreateFacility = () => {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: CreateVariables) =>
      api.request(adminRoutes.createFacility, { body, idempotencyKey }),
    onSuccess: (facility) => {
      client.setQueryData(facilityKeys.detail(facility.id), facility);
      void client.invalidateQueries({ queryKey: facilityKeys.lists });
      void client.invalidateQueries({ queryKey: meQueryKey });
    },
  });
};

export const useUpdateFacility = () => {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateFacilityBody }) =>
      api.request(adminRoutes.updateFacility, { params: { id }, body }),
    onSuccess: (facility) => {
      client.setQueryData(facilityKeys.detail(facility.id), facility);
      void client.invalidateQueries({ queryKey: facilityKeys.lists });
      // Users' facility lists show names and states.
      void client.invalidateQueries({ queryKey: facilityKeys.ofAllUsers });
    },
  });
};

/** `force`: retire a facility that logs reference (soft delete, history kept). */
export const useDeleteFacility = () => {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ facility, force }: { facility: Facility; force: boolean }) =>
      api.request(adminRoutes.deleteFacility, {
        params: { id: facility.id },
        query: { version: facility.version, force: force ? 'true' : 'false' },
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: facilityKeys.lists });
      void client.invalidateQueries({ queryKey: facilityKeys.ofAllUsers });
      void client.invalidateQueries({ queryKey: meQueryKey });
    },
  });
};
