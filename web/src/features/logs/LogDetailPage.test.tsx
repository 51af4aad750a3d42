import type { MentorshipLogView } from '@dml/shared/api/logs';
import type { Role } from '@dml/shared/roles';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorReply, type FakeRequest, fakeApi, mockAccessToken } from '../../test/fakeApi.ts';
import { logFixture, meFor, pageOf, SUPERVISOR_ID, uuid } from '../../test/fixtures.ts';
import { renderWithProviders, signedInAs } from '../../test/render.tsx';
import { LogDetailPage } from './LogDetailPage.tsx';

vi.mock('aws-amplify/auth', () => ({ fetchAuthSession: vi.fn(), signOut: vi.fn() }));

beforeEach(() => {
  mockAccessToken();
});

type Routes = Record<string, (request: FakeRequest) => unknown>;

const renderLog = (log: MentorshipLogView, routes: Routes = {}, role: Role = 'mentor') => {
  let current = log;
  const api = fakeApi({
    'GET /api/auth/me': () => meFor(role),
    'GET /api/mentorship-logs/{id}': () => current,
    'GET /api/follow-ups': () => pageOf([]),
    'GET /api/mentorship-logs/{id}/attachments': () => ({ items: [] }),
    ...routes,
  });
  const view = renderWithProviders(null, {
    api: api.client,
    auth: signedInAs(role),
    path: `/logs/${log.id}`,
    routes: [
      { path: '/logs/:id', element: <LogDetailPage /> },
      { path: '/logs/:id/edit', element: <h1>Edit page</h1> },
      { path: '/logs', element: <h1>Logs list</h1> },
    ],
  });
  return { ...api, ...view, setCurrent: (next: MentorshipLogView) => (current = next) };
};

const actions = async () => within(await screen.findByRole('group', { name: 'Actions' }));
const buttonNames = async () =>
  (await actions())
    .queryAllByRole('button')
    .map((b) => b.textContent)
    .concat((await actions()).queryAllByRole('link').map((l) => l.textContent));
const statusChip = () =>
  screen.getByRole('heading', { level: 1 }).parentElement?.querySelector('.chip-status');

/** What the server answers to a transition: the log in its new status, one version on. */
const moved = (
  log: MentorshipLogView,
  status: MentorshipLogView['status'],
  extra: Partial<MentorshipLogView> = {},
) =>
  ({
    ...log,
    status,
    version: log.version + 1,
    allowed_actions: [],
    editable_sections: [],
    can_delete: false,
    ...extra,
  }) as MentorshipLogView;

describe('LogDetailPage: the log', () => {
  it('downloads the visit report as a PDF, with progress, and says when it failed', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    let calls = 0;
    const fake = renderLog(logFixture(), {
      'POST /api/mentorship-logs/{id}/export': () =>
        calls++ === 0
          ? errorReply(503, 'internal_error', 'The service is busy.')
          : {
              file_name: 'visit-report.pdf',
              download_url: 'https://files.test/exports/visit-report.pdf',
              expires_at: '2026-03-15T08:05:00Z',
            },
    });

    fireEvent.click(await screen.findByRole('button', { name: 'Download PDF' }));
    expect(screen.getByRole('button', { name: 'Preparing the PDF…' })).toBeDefined();
    expect((await screen.findByRole('alert')).textContent).toContain('The service is busy.');

    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/visit-report.pdf is ready/)).toBeDefined();
    expect(fake.requestsTo('POST /api/mentorship-logs/{id}/export')[1]?.params.id).toBe(uuid(401));
    expect(click).toHaveBeenCalledTimes(1);
    click.mockRestore();
  });

  it('shows the plan read-only, the objectives in order and the review trail as a timeline', async () => {
    renderLog(
      logFixture({
        status: 'returned',
        allowed_actions: ['submit'],
        review_trail: [
          {
            action: 'submit',
            from: 'draft',
            to: 'submitted',
            by: uuid(1),
            by_name: 'Mary Ade',
            at: '2026-01-06T08:00:00Z',
            comment: null,
          },
          {
            action: 'return',
            from: 'submitted',
            to: 'returned',
            by: SUPERVISOR_ID,
            by_name: 'Sani Bello',
            at: '2026-01-07T08:00:00Z',
            comment: 'Add the stock-outs.',
          },
        ],
      }),
    );

    expect(await screen.findByRole('heading', { level: 1, name: 'Dala General Hospital' })).toBeDefined();
    expect(statusChip()?.textContent).toBe('Returned');
    const objectives = within(screen.getByRole('list', { name: 'Objectives' })).getAllByRole('listitem');
    expect(objectives.map((li) => li.textContent)).toEqual([
      'Review the ANC register',
      'Observe a clinic session',
    ]);
    expect(screen.getByRole('list', { name: 'Staff to engage' }).textContent).toContain('Matron Hauwa');
    const steps = within(screen.getByRole('list', { name: 'Review trail' })).getAllByRole('listitem');
    expect(steps).toHaveLength(2);
    expect(steps[1]?.textContent).toContain('Returned by Sani Bello');
    expect(steps[1]?.textContent).toContain('Submitted → Returned');
    expect(steps[1]?.textContent).toContain('Add the stock-outs.');
    expect(screen.getByRole('note', { name: 'Returned with a comment' }).textContent).toContain(
      'Add the stock-outs.',
    );
  });

  it('flags an off-site check-in for reviewers, with the distance and the reason given', async () => {
    renderLog(
      logFixture({
        status: 'completed',
        allowed_actions: ['return', 'verify'],
        editable_sections: [],
        visit_outcomes: 'Registers reconciled.',
        check_in: {
          latitude: 12.1,
          longitude: 8.6,
          accuracy_m: 20,
          captured_at: '2026-01-10T09:00:00Z',
          distance_m: 5230,
          flag: 'off_site',
          off_site_reason: 'Met the staff at the LGA office; the clinic was flooded.',
        },
      }),
      {},
      'supervisor',
    );

    const report = await screen.findByRole('region', { name: 'Report' });
    expect(within(report).getByText('Off site')).toBeDefined();
    expect(report.textContent).toContain('About 5.2 km from the facility (position accurate to 20 m)');
    expect(report.textContent).toContain('the clinic was flooded');
    expect(report.textContent).toContain('Check this before you verify the report.');
  });
});

describe('LogDetailPage: actions', () => {
  it.each([
    [['submit'], ['planning'], true, ['Submit for approval', 'Delete', 'Edit the plan']],
    [['withdraw'], [], false, ['Withdraw']],
    [['approve', 'return'], [], false, ['Approve', 'Return']],
    [['complete'], ['reporting'], false, ['Complete visit', 'Write the report']],
    [['return', 'verify'], [], false, ['Verify', 'Return']],
    [['reopen'], [], false, ['Reopen']],
  ] as const)('offers %j (editable: %j) and nothing else', async (allowed, sections, canDelete, expected) => {
    renderLog(
      logFixture({ allowed_actions: [...allowed], editable_sections: [...sections], can_delete: canDelete }),
    );
    expect((await buttonNames()).sort()).toEqual([...expected].sort());
  });

  it('shows no actions when there is nothing the viewer may do', async () => {
    renderLog(
      logFixture({ status: 'submitted', allowed_actions: [], editable_sections: [], can_delete: false }),
    );
    await screen.findByRole('heading', { level: 1, name: 'Dala General Hospital' });
    expect(screen.queryByRole('group', { name: 'Actions' })).toBeNull();
  });

  it('submits with the version it read and shows the new status', async () => {
    const log = logFixture();
    const { requestsTo } = renderLog(log, {
      'POST /api/mentorship-logs/{id}/submit': () =>
        moved(log, 'submitted', { allowed_actions: ['withdraw'] }),
    });

    fireEvent.click((await actions()).getByRole('button', { name: 'Submit for approval' }));

    expect(await screen.findByText('Plan submitted for approval.')).toBeDefined();
    expect(statusChip()?.textContent).toBe('Submitted');
    expect(requestsTo('POST /api/mentorship-logs/{id}/submit')[0]?.body).toEqual({ version: 3 });
    expect(await buttonNames()).toEqual(['Withdraw']);
  });

  it("shows the API's 422 details when the plan is not complete enough", async () => {
    renderLog(logFixture(), {
      'POST /api/mentorship-logs/{id}/submit': () =>
        errorReply(422, 'unprocessable', 'The plan is not complete enough to submit.', {
          details: [
            { path: 'performance_summary', message: 'needs at least 10 characters before you submit' },
          ],
        }),
    });

    fireEvent.click((await actions()).getByRole('button', { name: 'Submit for approval' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The plan is not complete enough to submit.');
    expect(alert.textContent).toContain('Performance summary needs at least 10 characters before you submit');
  });

  it('explains a 409 wrong status and reloads the log so the buttons match it', async () => {
    const log = logFixture();
    const { setCurrent, requestsTo } = renderLog(log, {
      'POST /api/mentorship-logs/{id}/submit': () =>
        errorReply(409, 'invalid_transition', 'A submitted log cannot be submitted. You can: withdraw.', {
          allowed_actions: ['withdraw'],
        }),
    });
    await actions();
    setCurrent(moved(log, 'submitted', { allowed_actions: ['withdraw'] }));

    fireEvent.click((await actions()).getByRole('button', { name: 'Submit for approval' }));

    expect((await screen.findByRole('alert')).textContent).toContain('A submitted log cannot be submitted.');
    await waitFor(() => expect(statusChip()?.textContent).toBe('Submitted'));
    expect(requestsTo('GET /api/mentorship-logs/{id}').length).toBeGreaterThan(1);
  });

  it('explains a 403 from the server inline', async () => {
    renderLog(
      logFixture({ status: 'submitted', allowed_actions: ['approve'], editable_sections: [] }),
      {
        'POST /api/mentorship-logs/{id}/approve': () =>
          errorReply(
            403,
            'forbidden',
            'Only a supervisor covering the facility or an admin (not the owner) can approve this log.',
            {
              allowed_actions: [],
            },
          ),
      },
      'supervisor',
    );

    fireEvent.click((await actions()).getByRole('button', { name: 'Approve' }));
    const dialog = screen.getByRole('dialog', { name: 'Approve the plan' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Approve' }));

    expect((await within(dialog).findByRole('alert')).textContent).toContain(
      'Only a supervisor covering the facility',
    );
  });

  it('returns a plan only with a comment, which it sends', async () => {
    const log = logFixture({
      status: 'submitted',
      allowed_actions: ['approve', 'return'],
      editable_sections: [],
    });
    const { requestsTo } = renderLog(
      log,
      { 'POST /api/mentorship-logs/{id}/return': () => moved(log, 'returned') },
      'supervisor',
    );

    fireEvent.click((await actions()).getByRole('button', { name: 'Return' }));
    const dialog = screen.getByRole('dialog', { name: 'Return the plan' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Return' }));
    expect(within(dialog).getByText('Comment is required')).toBeDefined();
    fireEvent.change(within(dialog).getByLabelText('Comment'), { target: { value: 'ok' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Return' }));
    expect(within(dialog).getByText('Say what needs to change')).toBeDefined();
    expect(requestsTo('POST /api/mentorship-logs/{id}/return')).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText('Comment'), {
      target: { value: 'Add the stock-outs to the gaps.' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Return' }));

    expect(await screen.findByText('Returned to the mentor with your comment.')).toBeDefined();
    expect(requestsTo('POST /api/mentorship-logs/{id}/return')[0]?.body).toEqual({
      version: 3,
      comment: 'Add the stock-outs to the gaps.',
    });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('reopens a verified report only with a reason (admins)', async () => {
    const log = logFixture({ status: 'verified', allowed_actions: ['reopen'], editable_sections: [] });
    const { requestsTo } = renderLog(
      log,
      { 'POST /api/mentorship-logs/{id}/reopen': () => moved(log, 'approved') },
      'admin',
    );

    fireEvent.click((await actions()).getByRole('button', { name: 'Reopen' }));
    const dialog = screen.getByRole('dialog', { name: 'Reopen the report' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reopen' }));
    expect(within(dialog).getByText('Reason is required')).toBeDefined();
    fireEvent.change(within(dialog).getByLabelText('Reason'), {
      target: { value: 'Wrong facility recorded.' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reopen' }));

    expect(await screen.findByText('Report reopened.')).toBeDefined();
    expect(requestsTo('POST /api/mentorship-logs/{id}/reopen')[0]?.body).toEqual({
      version: 3,
      reason: 'Wrong facility recorded.',
    });
  });

  it('deletes an own draft after confirming, then goes to the list', async () => {
    const log = logFixture();
    const { requestsTo, router } = renderLog(log, {
      'DELETE /api/mentorship-logs/{id}': () => ({ ...log, deleted_at: '2026-01-08T08:00:00Z', version: 4 }),
    });

    fireEvent.click((await actions()).getByRole('button', { name: 'Delete' }));
    fireEvent.click(
      within(screen.getByRole('dialog', { name: 'Delete this log?' })).getByRole('button', {
        name: 'Delete',
      }),
    );

    expect(await screen.findByRole('heading', { name: 'Logs list' })).toBeDefined();
    expect(router.state.location.pathname).toBe('/logs');
    expect(requestsTo('DELETE /api/mentorship-logs/{id}')[0]?.query.get('version')).toBe('3');
  });

  it('restores a deleted log (admins)', async () => {
    const log = logFixture({
      deleted_at: '2026-01-08T08:00:00Z',
      allowed_actions: [],
      editable_sections: [],
      can_delete: false,
      can_restore: true,
    });
    const { requestsTo } = renderLog(
      log,
      {
        'POST /api/mentorship-logs/{id}/restore': () => ({
          ...log,
          deleted_at: null,
          can_restore: false,
          version: 4,
        }),
      },
      'admin',
    );
    expect(await screen.findByText(/^Deleted on/)).toBeDefined();

    fireEvent.click((await actions()).getByRole('button', { name: 'Restore' }));

    expect(await screen.findByText('Log restored.')).toBeDefined();
    expect(requestsTo('POST /api/mentorship-logs/{id}/restore')[0]?.body).toEqual({ version: 3 });
    expect(screen.queryByText(/^Deleted on/)).toBeNull();
  });
});

describe('LogDetailPage: completing a visit', () => {
  const approved = logFixture({
    status: 'approved',
    allowed_actions: ['complete'],
    editable_sections: ['reporting'],
  });
  let getCurrentPosition: ReturnType<typeof vi.fn>;

  const mockGeolocation = (answer: (ok: PositionCallback, fail: PositionErrorCallback) => void) => {
    getCurrentPosition = vi.fn((ok: PositionCallback, fail: PositionErrorCallback) => answer(ok, fail));
    Object.defineProperty(navigator, 'geolocation', { value: { getCurrentPosition }, configurable: true });
  };
  const at = (latitude: number, longitude: number, accuracy: number) =>
    ({
      coords: { latitude, longitude, accuracy },
      timestamp: Date.parse('2026-01-10T09:00:00Z'),
    }) as GeolocationPosition;

  afterEach(() => {
    Reflect.deleteProperty(navigator, 'geolocation');
  });

  const openComplete = async () => {
    fireEvent.click((await actions()).getByRole('button', { name: 'Complete visit' }));
    return screen.getByRole('dialog', { name: 'Complete the visit' });
  };

  it('asks the phone for a precise position, shows its accuracy and sends it with the outcomes', async () => {
    mockGeolocation((ok) => ok(at(12.0122, 8.4922, 14)));
    const { requestsTo } = renderLog(approved, {
      'POST /api/mentorship-logs/{id}/complete': () => moved(approved, 'completed'),
    });

    const dialog = await openComplete();
    expect(await within(dialog).findByText('Position found, accurate to about 14 m.')).toBeDefined();
    expect(getCurrentPosition.mock.calls[0]?.[2]).toMatchObject({
      enableHighAccuracy: true,
      timeout: expect.any(Number),
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Complete visit' }));
    expect(within(dialog).getByText('Visit outcomes need at least 10 characters')).toBeDefined();
    fireEvent.change(within(dialog).getByLabelText('Visit outcomes'), {
      target: { value: 'Registers reconciled; two sessions observed.' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Complete visit' }));

    expect(await screen.findByText('Visit completed; the report goes to your supervisor.')).toBeDefined();
    expect(requestsTo('POST /api/mentorship-logs/{id}/complete')[0]?.body).toEqual({
      version: 3,
      location: { latitude: 12.0122, longitude: 8.4922, accuracy_m: 14, captured_at: '2026-01-10T09:00:00Z' },
      visit_outcomes: 'Registers reconciled; two sessions observed.',
    });
  });

  it('completes without a position when the phone refuses (the server flags "no location")', async () => {
    mockGeolocation((_ok, fail) => fail({ code: 1, message: 'denied' } as GeolocationPositionError));
    const log = { ...approved, visit_outcomes: 'Registers reconciled; saved earlier.' };
    const { requestsTo } = renderLog(log, {
      'POST /api/mentorship-logs/{id}/complete': () => moved(log, 'completed'),
    });

    const dialog = await openComplete();
    expect(
      await within(dialog).findByText(
        'Location permission was refused. You can still complete the visit; it will be marked "no location".',
      ),
    ).toBeDefined();
    expect(within(dialog).queryByLabelText('Visit outcomes')).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Complete visit' }));

    await screen.findByText('Visit completed; the report goes to your supervisor.');
    expect(requestsTo('POST /api/mentorship-logs/{id}/complete')[0]?.body).toEqual({ version: 3 });
  });

  it('off site: shows how far away the server found the position, asks why, and sends again', async () => {
    mockGeolocation((ok) => ok(at(12.1, 8.6, 20)));
    const log = { ...approved, visit_outcomes: 'Registers reconciled; saved earlier.' };
    let attempts = 0;
    const { requestsTo } = renderLog(log, {
      'POST /api/mentorship-logs/{id}/complete': () =>
        ++attempts === 1
          ? errorReply(422, 'unprocessable', 'The visit report cannot be completed yet.', {
              details: [
                {
                  path: 'off_site_reason',
                  message:
                    'your position is about 5230 m from the facility (radius 500 m); say why you report from elsewhere',
                },
              ],
            })
          : moved(log, 'completed'),
    });

    const dialog = await openComplete();
    await within(dialog).findByText(/Position found/);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Complete visit' }));

    expect(
      await within(dialog).findByText(
        'Your position is about 5230 m from the facility (radius 500 m); say why you report from elsewhere',
      ),
    ).toBeDefined();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send with reason' }));
    expect(within(dialog).getByText('Give a reason to report from elsewhere')).toBeDefined();
    fireEvent.change(within(dialog).getByLabelText('Reason for reporting from elsewhere'), {
      target: { value: 'Met the staff at the LGA office; the clinic was flooded.' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send with reason' }));

    await screen.findByText('Visit completed; the report goes to your supervisor.');
    const bodies = requestsTo('POST /api/mentorship-logs/{id}/complete').map((r) => r.body);
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toEqual({
      version: 3,
      location: { latitude: 12.1, longitude: 8.6, accuracy_m: 20, captured_at: '2026-01-10T09:00:00Z' },
      off_site_reason: 'Met the staff at the LGA office; the clinic was flooded.',
    });
  });

  it('lets the mentor go on without waiting for a slow position', async () => {
    mockGeolocation(() => {});
    const log = { ...approved, visit_outcomes: 'Registers reconciled; saved earlier.' };
    const { requestsTo } = renderLog(log, {
      'POST /api/mentorship-logs/{id}/complete': () => moved(log, 'completed'),
    });

    const dialog = await openComplete();
    expect(within(dialog).getByText('Finding your position…')).toBeDefined();
    expect(within(dialog).getByRole('button', { name: 'Complete visit' }).hasAttribute('disabled')).toBe(
      true,
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Continue without location' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Complete visit' }));

    await screen.findByText('Visit completed; the report goes to your supervisor.');
    expect(requestsTo('POST /api/mentorship-logs/{id}/complete')[0]?.body).toEqual({ version: 3 });
  });
});
