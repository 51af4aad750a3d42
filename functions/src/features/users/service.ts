import { randomInt } from 'node:crypto';
import type { CreateUserBody, UpdateUserBody, User } from '@dml/shared';
import type * as z from '@dml/shared/zod';
import type { UserDirectory } from '#adapters/directory';
import type { Mailer } from '#adapters/mailer';
import { type IdempotencyClaim, idempotentCreate } from '#data/idempotency';
import { enforceRateLimit } from '#data/rate-limit';
import { commit, IdempotentReplay, readIdempotencyRecord, tableItem } from '#data/transact';
import { emailMarkerItem, getUser, getUserIdByEmail, userItem } from '#data/users';
import { ifVersion } from '#data/versioned';
import { diffChanges } from '#domain/diff';
import { conflict, duplicate, forbidden, notFound, versionConflict } from '#domain/errors';
import { temporaryPassword } from '#domain/passwords';
import { checkUserEdit } from '#domain/user-rules';
import { invitationEmail } from '#emails/invitation';
import { sharesAFacility } from '#features/scope';
import type { Actor } from '#http/actor';
import { logger } from '#logger';

export type UserDeps = { directory: UserDirectory; mailer: Mailer; webUrl: string };
type CreateInput = z.output<typeof CreateUserBody>;
type UpdateInput = z.output<typeof UpdateUserBody>;

const auditActor = (actor: Actor) => ({ id: actor.id, email: actor.email });
const duplicateEmail = () => duplicate('email', 'A user with this email already exists.');
/** An account created this recently without a profile is another request still in flight, not an orphan. */
const ORPHAN_AGE_MS = 60_000;

/** Reads a user the caller may see: themselves, anyone for admins, users sharing a facility for supervisors. */
export const getVisibleUser = async (actor: Actor, id: string): Promise<User> => {
  const user = await getUser(id);
  if (!user) throw notFound('User');
  if (actor.role === 'admin' || actor.id === id) return user;
  if (actor.role === 'supervisor' && (await sharesAFacility(actor.id, id))) return user;
  throw notFound('User');
};

const sendInvitation = async (deps: UserDeps, actor: Actor, user: User, password: string) => {
  try {
    await deps.mailer.send(
      invitationEmail({
        to: user.email,
        name: user.name,
        role: user.role,
        invitedBy: actor.name,
        temporaryPassword: password,
        webUrl: deps.webUrl,
      }),
    );
    return true;
  } catch (error) {
    // The account exists; the admin can resend the invitation. Say so instead of failing the create.
    logger.error('invitation email failed', { error: error as Error, userId: user.id });
    return false;
  }
};

/**
 * Invites a user: Cognito account (temporary password, role group), then profile + unique-email marker
 * + audit in one transaction, then the invitation email. If the transaction fails the Cognito account
 * is removed again, so a failed create leaves nothing behind.
 */
export const createUser = async (
  deps: UserDeps,
  actor: Actor,
  input: CreateInput,
  idempotencyKey: string | undefined,
  now: Date,
) =>
  idempotentCreate({ actorId: actor.id, key: idempotencyKey, request: input, now }, async (claim) => {
    if (await getUserIdByEmail(input.email)) throw duplicateEmail();
    const password = temporaryPassword(randomInt);
    let created = await deps.directory.create({
      email: input.email,
      name: input.name,
      role: input.role,
      temporaryPassword: password,
    });
    if (created === 'exists') created = await adoptOrRefuse(deps, input, password, claim, now);

    const at = now.toISOString();
    const user: User = {
      id: created.sub,
      email: input.email,
      name: input.name,
      role: input.role,
      designation: input.designation ?? null,
      region_state: input.region_state ?? null,
      phone: input.phone ?? null,
      is_active: true,
      reminder_emails: true,
      version: 1,
      created_at: at,
      updated_at: at,
    };
    const response = { ...user, invitation_sent: true };
    try {
      await commit({
        writes: [
          {
            item: tableItem('Put', { Item: userItem(user), ConditionExpression: 'attribute_not_exists(pk)' }),
            onConditionFailed: duplicateEmail,
          },
          {
            item: tableItem('Put', {
              Item: emailMarkerItem(user.email, user.id),
              ConditionExpression: 'attribute_not_exists(pk)',
            }),
            onConditionFailed: duplicateEmail,
          },
        ],
        audit: {
          actor: auditActor(actor),
          entityType: 'user',
          entityId: user.id,
          action: 'create',
          changes: diffChanges(null, user),
          at: now,
        },
        idempotency: claim && { ...claim, response: { status: 201, body: response } },
      });
    } catch (error) {
      // A replay means another request owns the account; otherwise nothing may be left behind.
      if (!(error instanceof IdempotentReplay))
        await deps.directory.remove(user.email).catch(() => undefined);
      throw error;
    }
    return { ...user, invitation_sent: await sendInvitation(deps, actor, user, password) };
  });

/**
 * Cognito already has this email. Three cases: a concurrent retry with the same Idempotency-Key is
 * committing (wait for its record and replay it); a profile exists (duplicate); or an earlier create
 * failed halfway and left an orphan account, which we take over with a fresh temporary password.
 */
const adoptOrRefuse = async (
  deps: UserDeps,
  input: CreateInput,
  password: string,
  claim: IdempotencyClaim | undefined,
  now: Date,
) => {
  if (claim) {
    for (let i = 0; i < 20; i++) {
      const record = await readIdempotencyRecord(claim.actorId, claim.key, now);
      if (record?.requestHash === claim.requestHash) {
        throw new IdempotentReplay(record.response);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const existing = await deps.directory.find(input.email);
  if (!existing || (await getUser(existing.sub, true))) throw duplicateEmail();
  if (existing.createdAt && now.getTime() - existing.createdAt.getTime() < ORPHAN_AGE_MS)
    throw duplicateEmail();
  await deps.directory.setTemporaryPassword(input.email, password);
  return { sub: existing.sub };
};

/**
 * Changes a profile under optimistic locking. Cognito follows the profile (group for role, enabled
 * for activation) and is put back if the write loses a race.
 */
export const updateUser = async (
  deps: UserDeps,
  actor: Actor,
  id: string,
  body: UpdateInput,
  now: Date,
): Promise<User> => {
  const { version, ...changes } = body;
  const current = await getUser(id, true);
  if (
    !current ||
    (actor.role !== 'admin' &&
      actor.id !== id &&
      !(actor.role === 'supervisor' && (await sharesAFacility(actor.id, id))))
  ) {
    throw notFound('User');
  }
  const allowed = checkUserEdit(actor, id, changes);
  if (!allowed.ok) {
    const details = allowed.fields?.map((path) => ({ path, message: 'you may not change this' }));
    throw allowed.status === 403 ? forbidden(allowed.message, details) : conflict(allowed.message, details);
  }
  if (current.version !== version) throw versionConflict(current);

  const next: User = { ...current, ...changes, version: current.version + 1, updated_at: now.toISOString() };
  const diff = diffChanges(current, next);
  if (Object.keys(diff).length === 0) return current;

  const undo: (() => Promise<void>)[] = [];
  if (next.role !== current.role) {
    await deps.directory.moveToRole(current.email, current.role, next.role);
    undo.push(() => deps.directory.moveToRole(current.email, next.role, current.role));
  }
  if (next.is_active !== current.is_active) {
    await deps.directory.setEnabled(current.email, next.is_active);
    undo.push(() => deps.directory.setEnabled(current.email, current.is_active));
  }
  try {
    await commit({
      writes: [
        ifVersion.put(userItem(next), current.version, async () => {
          const now = await getUser(id, true);
          if (!now) throw notFound('User');
          return now;
        }),
      ],
      audit: {
        actor: auditActor(actor),
        entityType: 'user',
        entityId: id,
        action:
          next.is_active !== current.is_active ? (next.is_active ? 'reactivate' : 'deactivate') : 'update',
        changes: diff,
        at: now,
      },
    });
  } catch (error) {
    for (const revert of undo.reverse())
      await revert().catch((e) => logger.error('could not revert Cognito change', { error: e as Error }));
    throw error;
  }
  return next;
};

export const deactivateUser = (deps: UserDeps, actor: Actor, id: string, version: number, now: Date) =>
  updateUser(deps, actor, id, { version, is_active: false }, now);

/** A new temporary password by email, for someone who has not signed in yet (lost or expired invite). */
export const resendInvitation = async (deps: UserDeps, actor: Actor, id: string, now: Date) => {
  const user = await getUser(id, true);
  if (!user) throw notFound('User');
  if (!user.is_active) throw conflict('This user is deactivated; reactivate them first.');
  const account = await deps.directory.find(user.email);
  if (!account) throw conflict('This user has no sign-in account; ask a developer to check Cognito.');
  if (account.status !== 'FORCE_CHANGE_PASSWORD') {
    throw conflict('This user has already chosen a password. They can reset it from the sign-in page.');
  }
  // Each resend emails a new password: bounded per admin and per invitee.
  await enforceRateLimit('resendInvitation', actor.id, now);
  await enforceRateLimit('invitationsToOnePerson', user.id, now);
  const password = temporaryPassword(randomInt);
  await deps.directory.setTemporaryPassword(user.email, password);
  await commit({
    writes: [],
    audit: {
      actor: auditActor(actor),
      entityType: 'user',
      entityId: id,
      action: 'resend_invitation',
      changes: {},
      at: now,
    },
  });
  return { ...user, invitation_sent: await sendInvitation(deps, actor, user, password) };
};
