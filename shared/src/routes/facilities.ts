import { IdPath, page } from '../api/common.ts';
import {
  CreateFacilityBody,
  DeleteFacilityQuery,
  Facility,
  FacilityDeleted,
  FacilityUser,
  ListFacilitiesQuery,
  UpdateFacilityBody,
} from '../api/facilities.ts';
import * as z from '../zod.ts';
import { adminOnly, defineRoutes, everyone, reviewers } from './define.ts';

/** The facility registry and who covers each facility (the facilities function). */
export const facilityRoutes = defineRoutes({
  listFacilities: {
    method: 'GET',
    path: '/api/facilities',
    fn: 'facilities',
    auth: everyone,
    tag: 'facilities',
    summary: 'Facilities in your scope (admins: all). Filters: state, type, name prefix or code.',
    query: ListFacilitiesQuery,
    response: page(Facility),
  },
  createFacility: {
    method: 'POST',
    path: '/api/facilities',
    fn: 'facilities',
    auth: adminOnly,
    tag: 'facilities',
    summary: 'Register a facility; its code is unique.',
    body: CreateFacilityBody,
    response: Facility,
    status: 201,
    idempotent: true,
  },
  getFacility: {
    method: 'GET',
    path: '/api/facilities/{id}',
    fn: 'facilities',
    auth: everyone,
    tag: 'facilities',
    summary: 'A facility in your scope.',
    params: IdPath,
    response: Facility,
  },
  updateFacility: {
    method: 'PUT',
    path: '/api/facilities/{id}',
    fn: 'facilities',
    auth: adminOnly,
    tag: 'facilities',
    summary: 'Change a facility (send the version you read).',
    params: IdPath,
    body: UpdateFacilityBody,
    response: Facility,
  },
  deleteFacility: {
    method: 'DELETE',
    path: '/api/facilities/{id}',
    fn: 'facilities',
    auth: adminOnly,
    tag: 'facilities',
    summary:
      'Delete a facility; refused while logs reference it unless force=true (then retired, history kept).',
    params: IdPath,
    query: DeleteFacilityQuery,
    response: FacilityDeleted,
  },
  listFacilityUsers: {
    method: 'GET',
    path: '/api/facilities/{id}/users',
    fn: 'facilities',
    auth: reviewers,
    tag: 'assignments',
    summary: 'The users who cover a facility.',
    params: IdPath,
    response: z.object({ items: z.array(FacilityUser) }),
  },
});
