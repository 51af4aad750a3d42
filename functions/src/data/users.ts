import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { User } from '@dml/shared';
import { ddb, tableName } from './client.ts';
import { stripStorage } from './items.ts';
import { keys } from './keys.ts';

export const getUser = async (id: string): Promise<User | null> => {
  const { Item } = await ddb().send(new GetCommand({ TableName: tableName(), Key: keys.user(id) }));
  return Item ? stripStorage<User>(Item) : null;
};
