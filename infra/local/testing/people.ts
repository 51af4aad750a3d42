import { randomUUID } from 'node:crypto';
import type { Facility, Role, UserCreated } from '@dml/shared';
import { createMailbox, temporaryPasswordIn } from './mailbox.ts';
import type { TestStack } from './stack.ts';

export const NEW_PASSWORD = 'Chosen-Passw0rd!';

/**
 * Builds the people and places a test needs through the public API, as an admin would: invites a
 * user (real Cognito account, real invitation email), signs them in with the emailed temporary
 * password, assigns facilities.
 */
export const createPeople = (stack: TestStack) => {
  const mailbox = createMailbox(stack.outputs.sesEndpoint);
  let adminToken: string | undefined;
  const admin = async () => {
    adminToken ??= await stack.tokenFor('admin@example.org');
    return adminToken;
  };

  const facility = async (overrides: Partial<Facility> = {}) => {
    const suffix = randomUUID().slice(0, 6).toUpperCase();
    const response = await stack.api.post<Facility>(
      '/api/facilities',
      {
        name: `Test Facility ${suffix}`,
        code: `T-${suffix}`,
        state: 'Kano',
        facility_type: 'clinic',
        latitude: 12,
        longitude: 8.5,
        ...overrides,
      },
      await admin(),
    );
    if (response.status !== 201)
      throw new Error(`facility create: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };

  const user = async (role: Role, options: { facilities?: string[]; name?: string; email?: string } = {}) => {
    const email = options.email ?? `${role}-${randomUUID().slice(0, 8)}@test.example.org`;
    const created = await stack.api.post<UserCreated>(
      '/api/users',
      { email, name: options.name ?? `Test ${role} ${email.slice(0, 6)}`, role, region_state: 'Kano' },
      await admin(),
    );
    if (created.status !== 201)
      throw new Error(`user create: ${created.status} ${JSON.stringify(created.body)}`);
    const invitation = await mailbox.waitFor(email, (e) => e.subject.includes('invited'));
    const token = await stack.cognito.completeNewPassword(
      email,
      temporaryPasswordIn(invitation),
      NEW_PASSWORD,
    );
    if (options.facilities?.length) {
      const assigned = await stack.api.post(
        `/api/users/${created.body.id}/assign-facilities`,
        { facility_ids: options.facilities, mode: 'set' },
        await admin(),
      );
      if (assigned.status !== 200)
        throw new Error(`assign: ${assigned.status} ${JSON.stringify(assigned.body)}`);
    }
    return { ...created.body, token, refresh: () => stack.tokenFor(email, NEW_PASSWORD) };
  };

  return { admin, facility, user, mailbox };
};
export type People = ReturnType<typeof createPeople>;
