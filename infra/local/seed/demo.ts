import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from '@dml/functions/data/client';
import { emailMarkerItem, getUser, userItem } from '@dml/functions/data/users';
import type { Role, User } from '@dml/shared';
import { CognitoIdentityProviderClient, ensureCognitoUser } from './cognito-users.ts';
import { seedAssignments, seedFacilities } from './facilities.ts';
import { seedLogs } from './logs.ts';

export const DEMO_PASSWORD = 'DemoPassw0rd!';

export const demoUsers = [
  {
    email: 'admin@example.org',
    name: 'Amina Bello',
    role: 'admin',
    designation: 'Programme Manager',
    region_state: 'Kano',
  },
  {
    email: 'supervisor@example.org',
    name: 'Samuel Okafor',
    role: 'supervisor',
    designation: 'State Supervisor',
    region_state: 'Kano',
  },
  {
    email: 'mentor@example.org',
    name: 'Grace Adeyemi',
    role: 'mentor',
    designation: 'Clinical Mentor',
    region_state: 'Kano',
  },
  {
    email: 'mentor2@example.org',
    name: 'Ibrahim Musa',
    role: 'mentor',
    designation: 'Clinical Mentor',
    region_state: 'Kaduna',
  },
] as const satisfies readonly {
  email: string;
  name: string;
  role: Role;
  designation: string;
  region_state: string;
}[];

/** Profile item for a user, written only if absent so restarts never overwrite edits. */
const putProfileIfAbsent = async (profile: User) => {
  try {
    await ddb().send(
      new PutCommand({
        TableName: tableName(),
        // The API's own item builder, so the seeded profile is listed exactly as a created one.
        Item: userItem(profile),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    await ddb().send(
      new PutCommand({
        TableName: tableName(),
        Item: emailMarkerItem(profile.email, profile.id),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
  }
};

/** Seeds the demo accounts and the programme's data. Idempotent: safe on every start. */
export const seedDemo = async ({
  userPoolId,
  now = new Date(),
  logs: withLogs = true,
}: {
  userPoolId: string;
  now?: Date;
  logs?: boolean;
}) => {
  const cognito = new CognitoIdentityProviderClient({});
  const ids: Record<string, string> = {};
  for (const user of demoUsers) {
    const id = await ensureCognitoUser(cognito, userPoolId, { ...user, password: DEMO_PASSWORD });
    ids[user.email] = id;
    const at = now.toISOString();
    await putProfileIfAbsent({
      id,
      email: user.email,
      name: user.name,
      role: user.role,
      designation: user.designation,
      region_state: user.region_state,
      phone: null,
      is_active: true,
      reminder_emails: true,
      version: 1,
      created_at: at,
      updated_at: at,
    });
  }
  cognito.destroy();
  const admin = await getUser(ids['admin@example.org'] ?? '');
  if (!admin) throw new Error('demo admin missing after seeding');
  const actor = { id: admin.id, role: admin.role, email: admin.email, name: admin.name, profile: admin };
  const facilities = await seedFacilities(actor, now);
  await seedAssignments(actor, ids, facilities, now);
  const logs = withLogs ? await seedLogs(ids, facilities, now) : 0;
  return { users: ids, facilities, logs };
};
