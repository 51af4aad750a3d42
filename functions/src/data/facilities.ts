import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Facility } from '@dml/shared';
import { ddb, tableName } from './client.ts';
import { stripStorage } from './items.ts';
import { byName, facilityIndexes, fold, indexKey, keys, partitions } from './keys.ts';
import { type Item, type ListQuery, queryAll, queryPage } from './query.ts';

/**
 * Facilities. Access patterns: by id (GetItem), by code (marker GetItem), all / by state / by type
 * ordered by name (`facilityIndexes`). A retired (soft-deleted) facility keeps its item but leaves
 * the list indexes.
 */
export const facilityItem = (facility: Facility) => ({
  ...keys.facility(facility.id),
  entity: 'facility',
  ...(facility.deleted_at
    ? {}
    : {
        ...indexKey(facilityIndexes.all, partitions.facilities(), byName(facility.name, facility.id)),
        ...indexKey(
          facilityIndexes.byState,
          partitions.facilitiesByState(facility.state),
          byName(facility.name, facility.id),
        ),
        ...indexKey(
          facilityIndexes.byType,
          partitions.facilitiesByType(facility.facility_type),
          byName(facility.name, facility.id),
        ),
      }),
  ...facility,
});

export const codeMarkerItem = (code: string, facilityId: string) => ({
  ...keys.facilityCodeMarker(code),
  entity: 'unique',
  facility_id: facilityId,
});

export const toFacility = (item: Item) => stripStorage<Facility>(item);

export const getFacility = async (id: string, consistent = false): Promise<Facility | null> => {
  const { Item } = await ddb().send(
    new GetCommand({ TableName: tableName(), Key: keys.facility(id), ConsistentRead: consistent }),
  );
  return Item ? toFacility(Item) : null;
};

export const getFacilityIdByCode = async (code: string): Promise<string | null> => {
  const { Item } = await ddb().send(
    new GetCommand({ TableName: tableName(), Key: keys.facilityCodeMarker(code) }),
  );
  return Item ? String(Item.facility_id) : null;
};

export const getFacilities = async (ids: readonly string[]): Promise<Facility[]> => {
  const unique = [...new Set(ids)];
  const found: Facility[] = [];
  for (let i = 0; i < unique.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
      [tableName()]: { Keys: unique.slice(i, i + 100).map((id) => keys.facility(id)) },
    };
    while (request && Object.keys(request).length) {
      const result = await ddb().send(new BatchGetCommand({ RequestItems: request }));
      found.push(...(result.Responses?.[tableName()] ?? []).map(toFacility));
      request = result.UnprocessedKeys as typeof request;
    }
  }
  return found;
};

export type FacilityFilters = { state?: string; facility_type?: string; q?: string };

/** State or type picks the partition, a name prefix bounds the sort key, type with state trims. */
export const facilityListQuery = (filters: FacilityFilters, limit: number, cursor?: string): ListQuery => {
  const range = filters.q ? { beginsWith: fold(filters.q) } : undefined;
  if (filters.state) {
    return {
      index: facilityIndexes.byState,
      partition: partitions.facilitiesByState(filters.state),
      range,
      limit,
      cursor,
      filter: filters.facility_type
        ? {
            FilterExpression: '#type = :type',
            ExpressionAttributeNames: { '#type': 'facility_type' },
            ExpressionAttributeValues: { ':type': filters.facility_type },
          }
        : undefined,
    };
  }
  if (filters.facility_type) {
    return {
      index: facilityIndexes.byType,
      partition: partitions.facilitiesByType(filters.facility_type),
      range,
      limit,
      cursor,
    };
  }
  return { index: facilityIndexes.all, partition: partitions.facilities(), range, limit, cursor };
};

export const listFacilities = async (filters: FacilityFilters, limit: number, cursor?: string) => {
  const page = await queryPage(facilityListQuery(filters, limit, cursor));
  return { ...page, items: page.items.map(toFacility) };
};

/** All facilities of a state (for "assign every facility in state X"), page by page. */
export const facilitiesInState = async (state: string): Promise<Facility[]> => {
  const { limit: _limit, cursor: _cursor, ...query } = facilityListQuery({ state }, 100);
  return (await queryAll(query)).items.map(toFacility);
};
