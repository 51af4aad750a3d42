import type { FollowUp } from '@dml/shared/api/follow-ups';
import { addDays } from '@dml/shared/domain/dates';
import type { Role } from '@dml/shared/roles';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { programmeToday } from '../../lib/today.ts';
import { errorReply, type FakeRequest, fakeApi, mockAccessToken } from '../../test/fakeApi.ts';
import {
  followUpFixture,
  jsonResponse,
  logFixture,
  MENTOR_ID,
  meFor,
  pageOf,
  SUPERVISOR_ID,
  uuid,
} from '../../test/fixtures.ts';
import { renderWithProviders, signedInAs } from '../../test/render.tsx';
import { dueState } from './DueBadge.tsx';
import { FollowUpsPage } from './FollowUpsPage.tsx';
import { LogFollowUps } from './LogFollowUps.tsx';

vi.mock('aws-amplify/auth', () => ({ fetchAuthSession: vi.fn(), signOut: vi.fn() }));

beforeEach(() => {
  mockAccessToken();
});

const today = programmeToday();
const lateItem = followUpFixture({ due_date: addDays(today, -3), action_item: 'Recount the HIV test kits' });
const soonItem = followUpFixture({
  id: uuid(602),
  due_date: addDays(today, 2),
  action_item: 'Fix the fridge log',
});

type Routes = Record<string, (request: FakeRequest) => unknown>;

const renderPage = (routes: Routes, role: Role = 'mentor', path = '/follow-ups') => {
  const api = fakeApi({ 'GET /api/auth/me': () => meFor(role), ...routes });
  const view = renderWithProviders(null, {
    api: api.client,
    auth: signedInAs(role),
    path,
    routes: [
      { path: '/follow-ups', element: <FollowUpsPage /> },
      { path: '/logs/:id', element: <LogFollowUps log={logFixture()} /> },
    ],
  });
  return { ...api, ...view };
};

const itemOf = async (text: string) =>
  (await screen.findByText(text, { selector: '.follow-up__title' })).closest('li') as HTMLElement;
const queryOf = (request: FakeRequest | undefined) => Object.fromEntries(request?.query ?? []);

describe('dueState', () => {
  it('reads a due date against today in the programme calendar', () => {
    expect(dueState('2026-01-07', 'pending', '2026-01-10')).toEqual({
      tone: 'overdue',
      text: '3 days overdue',
    });
    expect(dueState('2026-01-09', 'in_progress', '2026-01-10')).toEqual({
      tone: 'overdue',
      text: '1 day overdue',
    });
    expect(dueState('2026-01-10', 'pending', '2026-01-10')).toEqual({ tone: 'today', text: 'Due today' });
    expect(dueState('2026-01-11', 'pending', '2026-01-10')).toEqual({ tone: 'soon', text: 'Due tomorrow' });
    expect(dueState('2026-01-13', 'pending', '2026-01-10')).toEqual({ tone: 'soon', text: 'Due in 3 days' });
    expect(dueState('2026-01-20', 'pending', '2026-01-10').tone).toBe('later');
    expect(dueState('2026-01-07', 'completed', '2026-01-10').tone).toBe('done');
  });
});

describe('FollowUpsPage', () => {
  it('opens on "Assigned to me" (open ones), with due badges, and switches tabs with their own queries', async () => {
    const { requestsTo, router } = renderPage({ 'GET /api/follow-ups': () => pageOf([lateItem, soonItem]) });

    const late = await itemOf('Recount the HIV test kits');
    expect(within(late).getByText('3 days overdue').className).toContain('due-badge--overdue');
    expect(within(await itemOf('Fix the fridge log')).getByText('Due in 2 days')).toBeDefined();
    expect(
      within(late)
        .getByRole('link', { name: /Open the log/ })
        .getAttribute('href'),
    ).toBe(`/logs/${lateItem.mentorship_log_id}`);
    expect(queryOf(requestsTo('GET /api/follow-ups')[0])).toEqual({
      view: 'assigned',
      open: 'true',
      limit: '25',
    });
    expect(screen.getByRole('tab', { name: 'Assigned to me' }).getAttribute('aria-selected')).toBe('true');

    fireEvent.click(screen.getByRole('tab', { name: 'On my logs' }));
    await waitFor(() =>
      expect(queryOf(requestsTo('GET /api/follow-ups').at(-1))).toEqual({ view: 'mine', limit: '25' }),
    );
    expect(router.state.location.search).toBe('?tab=mine');

    fireEvent.click(screen.getByRole('tab', { name: 'Overdue' }));
    await waitFor(() =>
      expect(queryOf(requestsTo('GET /api/follow-ups').at(-1))).toEqual({
        view: 'assigned',
        overdue: 'true',
        limit: '25',
      }),
    );
    expect(screen.queryByRole('tab', { name: 'All open' })).toBeNull();
  });

  it('does not link a mentor to a log that is not theirs (they may only open their own)', async () => {
    const theirs = followUpFixture({
      id: uuid(603),
      action_item: 'Share the stock report',
      log_owner_id: SUPERVISOR_ID,
    });
    renderPage({ 'GET /api/follow-ups': () => pageOf([theirs]) });

    const item = await itemOf('Share the stock report');
    expect(within(item).queryByRole('link')).toBeNull();
    expect(item.textContent).toContain('Dala General Hospital');
    expect(within(item).getByRole('button', { name: 'Start' })).toBeDefined();
  });

  it('shows supervisors everything overdue in their scope, and an "All open" tab', async () => {
    const { requestsTo } = renderPage(
      { 'GET /api/follow-ups': () => pageOf([lateItem]) },
      'supervisor',
      '/follow-ups?tab=overdue',
    );

    await itemOf('Recount the HIV test kits');
    expect(queryOf(requestsTo('GET /api/follow-ups')[0])).toEqual({
      view: 'all',
      overdue: 'true',
      limit: '25',
    });
    expect(screen.getByRole('tab', { name: 'All open' })).toBeDefined();
  });

  it('moves a follow-up along inline: start, then complete, each with the version it read', async () => {
    let current: FollowUp = lateItem;
    const { requestsTo } = renderPage({
      'GET /api/follow-ups': () => pageOf([current]),
      'PUT /api/follow-ups/{id}/status': ({ body }) => {
        const { status } = body as { status: FollowUp['status'] };
        current = { ...current, status, version: current.version + 1 };
        return current;
      },
    });
    const item = await itemOf('Recount the HIV test kits');
    expect(within(item).getByText('Pending')).toBeDefined();

    fireEvent.click(within(item).getByRole('button', { name: 'Start' }));
    expect(await within(item).findByText('In progress')).toBeDefined();
    fireEvent.click(within(item).getByRole('button', { name: 'Mark completed' }));
    expect(await within(item).findByText('Completed')).toBeDefined();

    expect(requestsTo('PUT /api/follow-ups/{id}/status').map((r) => r.body)).toEqual([
      { version: 1, status: 'in_progress' },
      { version: 2, status: 'completed' },
    ]);
    expect(within(item).getByRole('button', { name: 'Reopen' })).toBeDefined();
  });

  it('asks for a note before going back to pending', async () => {
    let current: FollowUp = { ...lateItem, status: 'in_progress', version: 2 };
    const { requestsTo } = renderPage({
      'GET /api/follow-ups': () => pageOf([current]),
      'PUT /api/follow-ups/{id}/status': () => {
        current = { ...current, status: 'pending', version: 3 };
        return current;
      },
    });
    const item = await itemOf('Recount the HIV test kits');

    fireEvent.click(within(item).getByRole('button', { name: 'Back to pending' }));
    const dialog = screen.getByRole('dialog', { name: 'Back to pending' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Back to pending' }));
    expect(within(dialog).getByText('Note is required')).toBeDefined();
    expect(requestsTo('PUT /api/follow-ups/{id}/status')).toHaveLength(0);
    fireEvent.change(within(dialog).getByLabelText('Note'), {
      target: { value: 'The kits were miscounted.' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Back to pending' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(requestsTo('PUT /api/follow-ups/{id}/status')[0]?.body).toEqual({
      version: 2,
      status: 'pending',
      note: 'The kits were miscounted.',
    });
  });

  it('says when someone changed the follow-up meanwhile, and shows it as it is now', async () => {
    const theirs = { ...lateItem, status: 'in_progress' as const, version: 2 };
    let server: FollowUp = lateItem;
    renderPage({
      'GET /api/follow-ups': () => pageOf([server]),
      'PUT /api/follow-ups/{id}/status': () => {
        server = theirs;
        return errorReply(409, 'version_conflict', 'Someone else changed this since you loaded it.', {
          current: theirs,
        });
      },
    });
    const item = await itemOf('Recount the HIV test kits');

    fireEvent.click(within(item).getByRole('button', { name: 'Mark completed' }));

    expect((await within(item).findByRole('alert')).textContent).toContain('it is now in progress');
    expect(within(item).getByText('In progress')).toBeDefined();
  });

  it('shows nothing to do when the list is empty', async () => {
    renderPage({ 'GET /api/follow-ups': () => pageOf([]) });
    expect(await screen.findByRole('heading', { name: 'Nothing is assigned to you' })).toBeDefined();
  });
});

describe('LogFollowUps: adding a follow-up', () => {
  const facilityUsers = {
    items: [
      {
        id: MENTOR_ID,
        name: 'Mary Ade',
        email: 'mentor@example.org',
        role: 'mentor',
        designation: null,
        is_active: true,
        assigned_at: '2026-01-05T08:00:00Z',
      },
      {
        id: uuid(120),
        name: 'Old Mentor',
        email: 'old@example.org',
        role: 'mentor',
        designation: null,
        is_active: false,
        assigned_at: '2026-01-05T08:00:00Z',
      },
      {
        id: SUPERVISOR_ID,
        name: 'Sani Bello',
        email: 'supervisor@example.org',
        role: 'supervisor',
        designation: null,
        is_active: true,
        assigned_at: '2026-01-05T08:00:00Z',
      },
    ],
  };

  it('lets a supervisor assign it to someone covering the facility and sends it once, with a key', async () => {
    const { requestsTo } = renderPage(
      {
        'GET /api/follow-ups': () => pageOf([]),
        'GET /api/facilities/{id}/users': () => facilityUsers,
        'POST /api/mentorship-logs/{id}/follow-ups': ({ body }) =>
          jsonResponse(followUpFixture({ ...(body as object), assigned_to_name: 'Mary Ade' }), 201),
      },
      'supervisor',
      `/logs/${uuid(401)}`,
    );

    fireEvent.click(await screen.findByRole('button', { name: 'Add follow-up' }));
    const form = screen.getByRole('form', { name: 'Add follow-up' });
    await within(form).findByRole('option', { name: 'Mary Ade (mentor)' });
    expect(within(form).queryByRole('option', { name: /Old Mentor/ })).toBeNull();
    fireEvent.click(within(form).getByRole('button', { name: 'Add follow-up' }));
    expect(await within(form).findByText('Action item must be at least 3 characters')).toBeDefined();
    expect(within(form).getByText(/Assignee/)).toBeDefined();

    fireEvent.change(within(form).getByLabelText('Action item'), {
      target: { value: 'Recount the HIV test kits' },
    });
    fireEvent.change(within(form).getByLabelText('Assign to'), { target: { value: MENTOR_ID } });
    fireEvent.change(within(form).getByLabelText('Due date'), { target: { value: addDays(today, 7) } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add follow-up' }));

    expect(await screen.findByText('Follow-up added for Mary Ade.')).toBeDefined();
    const [post] = requestsTo('POST /api/mentorship-logs/{id}/follow-ups');
    expect(post?.body).toEqual({
      action_item: 'Recount the HIV test kits',
      assigned_to: MENTOR_ID,
      due_date: addDays(today, 7),
      notes: null,
    });
    expect(post?.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('has mentors assign to themselves without asking for the facility users (not theirs to list)', async () => {
    const { requestsTo } = renderPage(
      {
        'GET /api/follow-ups': () => pageOf([]),
        'POST /api/mentorship-logs/{id}/follow-ups': () =>
          errorReply(400, 'validation_failed', 'A follow-up cannot be due in the past.', {
            details: [{ path: 'due_date', message: `must be ${today} or later` }],
          }),
      },
      'mentor',
      `/logs/${uuid(401)}`,
    );

    fireEvent.click(await screen.findByRole('button', { name: 'Add follow-up' }));
    const form = screen.getByRole('form', { name: 'Add follow-up' });
    expect((within(form).getByLabelText('Assign to') as HTMLSelectElement).value).toBe(MENTOR_ID);
    expect(
      within(form)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Mary Ade (you)']);
    fireEvent.change(within(form).getByLabelText('Action item'), { target: { value: 'Fix the fridge log' } });
    fireEvent.change(within(form).getByLabelText('Due date'), { target: { value: addDays(today, 1) } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add follow-up' }));

    expect(await within(form).findByText(`Due date must be ${today} or later`)).toBeDefined();
    expect(requestsTo('GET /api/facilities/{id}/users')).toHaveLength(0);
  });
});
