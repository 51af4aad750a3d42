import type { MentorshipLogView } from '@dml/shared/api/logs';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { errorReply, type FakeRequest, fakeApi, mockAccessToken } from '../../test/fakeApi.ts';
import { facilityFixture, jsonResponse, logFixture, meFor, pageOf, uuid } from '../../test/fixtures.ts';
import { renderWithProviders, signedInAs } from '../../test/render.tsx';
import { LogDetailPage } from './LogDetailPage.tsx';
import { LogFormPage } from './LogFormPage.tsx';

vi.mock('aws-amplify/auth', () => ({ fetchAuthSession: vi.fn(), signOut: vi.fn() }));

beforeEach(() => {
  mockAccessToken();
});

const FAST = { delay: 30, retries: [80] };
const dala = facilityFixture();
const draft = logFixture();

type Routes = Record<string, (request: FakeRequest) => unknown>;

const renderForm = (path: string, routes: Routes = {}) => {
  const api = fakeApi({
    'GET /api/auth/me': () => meFor('mentor'),
    'GET /api/facilities': () => pageOf([dala]),
    'GET /api/mentorship-logs/carry-over': () => ({
      facility_id: dala.id,
      previous_followup: '• Start defaulter tracing (due 2099-02-01)',
      trends_summary: 'Last visit 2099-01-10: registers reviewed',
      last_visit: {
        id: uuid(400),
        visit_date: '2099-01-10',
        visit_outcomes: 'Registers reviewed',
        lessons_learned: null,
      },
    }),
    'GET /api/mentorship-logs/{id}': () => draft,
    'GET /api/follow-ups': () => pageOf([]),
    'GET /api/mentorship-logs/{id}/attachments': () => ({ items: [] }),
    ...routes,
  });
  const view = renderWithProviders(null, {
    api: api.client,
    auth: signedInAs('mentor'),
    path,
    routes: [
      { path: '/logs/new', element: <LogFormPage timing={FAST} /> },
      { path: '/logs/:id/edit', element: <LogFormPage timing={FAST} /> },
      { path: '/logs/:id', element: <h1>Log page</h1> },
      { path: '/logs', element: <h1>Logs list</h1> },
    ],
  });
  return { ...api, ...view };
};

const typeInto = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
const fieldValue = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;
/** The form's autosave line (other parts of the page, e.g. the files panel, have loading statuses too). */
const saveStatus = () => within(screen.getByRole('form', { name: 'Edit log' })).getByRole('status');
const objectiveValues = () =>
  within(screen.getByRole('group', { name: /Objectives/ }))
    .getAllByRole('textbox')
    .map((input) => (input as HTMLInputElement).value);

/** Lets the form's own checks after adding rows finish (they run asynchronously). */
const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 10)));

const fillNewPlan = async () => {
  await screen.findByRole('option', { name: 'Dala General Hospital' });
  fireEvent.change(screen.getByLabelText('Facility'), { target: { value: dala.id } });
  typeInto('Visit date', '2099-03-10');
  typeInto('Objective 1', 'Review the ANC register');
  typeInto('Performance summary', 'ANC4 coverage fell to 48% last quarter.');
};

/** A saved copy of the draft as the server returns it after an update. */
const savedAs = (request: FakeRequest, base: MentorshipLogView) => {
  const body = request.body as Record<string, unknown>;
  const { version, objectives, ...fields } = body;
  return {
    ...base,
    ...fields,
    ...(Array.isArray(objectives)
      ? {
          objectives: (objectives as string[]).map((text, i) => ({
            id: uuid(900 + i),
            objective_text: text,
            sequence: i + 1,
            created_at: '2026-01-05T08:00:00Z',
          })),
        }
      : {}),
    version: (version as number) + 1,
  };
};

describe('LogFormPage: a new plan', () => {
  it('checks the form with the shared rules before sending anything', async () => {
    const { requestsTo } = renderForm('/logs/new');
    await screen.findByRole('heading', { level: 1, name: 'Plan a visit' });

    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));

    expect(await screen.findByText('Facility is required')).toBeDefined();
    expect(screen.getByText('Visit date is required')).toBeDefined();
    typeInto('Visit date', '2020-01-01');
    typeInto('Objective 1', 'ab');
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(await screen.findByText(/^Visit date must be \d{4}-\d{2}-\d{2} or later$/)).toBeDefined();
    expect(screen.getByText('Objective 1 must be at least 3 characters')).toBeDefined();
    expect(requestsTo('POST /api/mentorship-logs')).toHaveLength(0);
  });

  it('pre-fills the previous follow-up and trends from the last visit when a facility is picked', async () => {
    const { requestsTo } = renderForm('/logs/new');
    await screen.findByRole('option', { name: 'Dala General Hospital' });

    fireEvent.change(screen.getByLabelText('Facility'), { target: { value: dala.id } });

    await waitFor(() => expect(fieldValue('Previous follow-up')).toContain('Start defaulter tracing'));
    expect(fieldValue('Trends summary')).toBe('Last visit 2099-01-10: registers reviewed');
    expect(screen.getByRole('complementary', { name: 'Last visit to this facility' }).textContent).toContain(
      'Registers reviewed',
    );
    expect(requestsTo('GET /api/mentorship-logs/carry-over')[0]?.query.get('facility_id')).toBe(dala.id);
    // Still editable.
    typeInto('Trends summary', 'My own reading of the trends');
    expect(fieldValue('Trends summary')).toBe('My own reading of the trends');
  });

  it('creates the draft on "Save draft" (with an idempotency key) and carries on at its own address', async () => {
    const created = logFixture({ id: uuid(402), version: 1 });
    const { requestsTo, router } = renderForm('/logs/new', {
      'POST /api/mentorship-logs': () => jsonResponse(created, 201),
      'GET /api/mentorship-logs/{id}': () => created,
    });
    await fillNewPlan();
    await waitFor(() => expect(fieldValue('Previous follow-up')).toContain('Start defaulter tracing'));
    // A blank row is a placeholder: it is not sent.
    fireEvent.click(screen.getByRole('button', { name: 'Add objective' }));

    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/logs/${created.id}/edit`));
    const [post] = requestsTo('POST /api/mentorship-logs');
    expect(post?.body).toMatchObject({
      facility_id: dala.id,
      visit_date: '2099-03-10',
      performance_summary: 'ANC4 coverage fell to 48% last quarter.',
      objectives: ['Review the ANC register'],
      previous_followup: '• Start defaulter tracing (due 2099-02-01)',
    });
    expect(post?.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await screen.findByText('Draft saved. Changes now save as you type.')).toBeDefined();
    expect(screen.getByRole('heading', { level: 1, name: 'Edit the plan' })).toBeDefined();
  });

  it("shows the API's field details on their fields (list rows by the row the user sees)", async () => {
    const { requestsTo } = renderForm('/logs/new', {
      'POST /api/mentorship-logs': () =>
        errorReply(400, 'validation_failed', 'The request was not valid.', {
          details: [
            { path: 'visit_date', message: 'must be 2099-03-11 or later' },
            { path: 'objectives.1', message: 'must be at most 1000 characters' },
          ],
        }),
    });
    await fillNewPlan();
    fireEvent.click(screen.getByRole('button', { name: 'Add objective' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add objective' }));
    typeInto('Objective 3', 'Observe a clinic session');
    await settle();

    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));

    expect(await screen.findByText('Visit date must be 2099-03-11 or later')).toBeDefined();
    // The second objective sent was the third row (the second was blank).
    expect(screen.getByText('Objective 3 must be at most 1000 characters')).toBeDefined();
    expect(screen.getByLabelText('Objective 3').getAttribute('aria-invalid')).toBe('true');
    expect(requestsTo('POST /api/mentorship-logs')).toHaveLength(1);
  });

  it('edits the objectives: add, move up and down, remove; never fewer than one row', async () => {
    const created = logFixture({ id: uuid(402), version: 1 });
    const { requestsTo } = renderForm('/logs/new', {
      'POST /api/mentorship-logs': () => jsonResponse(created, 201),
      'GET /api/mentorship-logs/{id}': () => created,
    });
    await fillNewPlan();
    expect(screen.getByRole('button', { name: 'Remove objective 1' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'Move objective 1 up' }).hasAttribute('disabled')).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Add objective' }));
    typeInto('Objective 2', 'Observe a clinic session');
    fireEvent.click(screen.getByRole('button', { name: 'Add objective' }));
    typeInto('Objective 3', 'Coach the data officer');
    expect(objectiveValues()).toEqual([
      'Review the ANC register',
      'Observe a clinic session',
      'Coach the data officer',
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Move objective 3 up' }));
    expect(objectiveValues()).toEqual([
      'Review the ANC register',
      'Coach the data officer',
      'Observe a clinic session',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Move objective 1 down' }));
    expect(objectiveValues()).toEqual([
      'Coach the data officer',
      'Review the ANC register',
      'Observe a clinic session',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Remove objective 2' }));
    expect(objectiveValues()).toEqual(['Coach the data officer', 'Observe a clinic session']);

    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(requestsTo('POST /api/mentorship-logs')).toHaveLength(1));
    expect(requestsTo('POST /api/mentorship-logs')[0]?.body).toMatchObject({
      objectives: ['Coach the data officer', 'Observe a clinic session'],
    });
  });

  it('stops adding objectives at 20', async () => {
    renderForm('/logs/new');
    await screen.findByRole('heading', { level: 1, name: 'Plan a visit' });
    const add = screen.getByRole('button', { name: 'Add objective' });
    for (let i = 1; i < 20; i++) fireEvent.click(add);

    expect(objectiveValues()).toHaveLength(20);
    expect(add.hasAttribute('disabled')).toBe(true);
    expect(screen.getByText('You can add at most 20.')).toBeDefined();
  });

  it('submits a new plan: creates it, keeps a carry-over box the user emptied empty, then submits', async () => {
    // The server fills blank carry-over fields on create, so the emptied one is sent again as null.
    let current = logFixture({ id: uuid(402), version: 1, previous_followup: '• Start defaulter tracing' });
    const { requests, router, requestsTo } = renderForm('/logs/new', {
      'POST /api/mentorship-logs': () => jsonResponse(current, 201),
      'PUT /api/mentorship-logs/{id}': (request) => {
        current = savedAs(request, current);
        return current;
      },
      'POST /api/mentorship-logs/{id}/submit': () => ({
        ...current,
        status: 'submitted',
        version: current.version + 1,
      }),
    });
    await fillNewPlan();
    await waitFor(() => expect(fieldValue('Previous follow-up')).not.toBe(''));
    typeInto('Previous follow-up', '');

    fireEvent.click(screen.getByRole('button', { name: 'Submit for approval' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/logs/${uuid(402)}`));
    expect(requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url.pathname}`)).toEqual([
      'POST /api/mentorship-logs',
      `PUT /api/mentorship-logs/${uuid(402)}`,
      `POST /api/mentorship-logs/${uuid(402)}/submit`,
    ]);
    expect(requestsTo('PUT /api/mentorship-logs/{id}')[0]?.body).toMatchObject({
      version: 1,
      previous_followup: null,
    });
    expect(requestsTo('POST /api/mentorship-logs/{id}/submit')[0]?.body).toEqual({ version: 2 });
  });

  it('checks what submit needs before creating anything', async () => {
    const { requestsTo } = renderForm('/logs/new');
    await screen.findByRole('option', { name: 'Dala General Hospital' });
    fireEvent.change(screen.getByLabelText('Facility'), { target: { value: dala.id } });
    typeInto('Visit date', '2099-03-10');
    typeInto('Performance summary', 'Too short');

    fireEvent.click(screen.getByRole('button', { name: 'Submit for approval' }));

    expect(
      await screen.findByText('Performance summary needs at least 10 characters before you submit'),
    ).toBeDefined();
    expect(screen.getByText('Add at least one objective before you submit')).toBeDefined();
    expect(requestsTo('POST /api/mentorship-logs')).toHaveLength(0);
  });
});

describe('LogFormPage: editing a draft', () => {
  it('saves changed fields once typing pauses, each PUT carrying the version the last one returned', async () => {
    let current = draft;
    const { requestsTo } = renderForm(`/logs/${draft.id}/edit`, {
      'PUT /api/mentorship-logs/{id}': (request) => {
        current = savedAs(request, current);
        return current;
      },
    });
    await screen.findByRole('heading', { level: 1, name: 'Edit the plan' });
    expect(saveStatus().textContent).toBe('All changes saved');

    typeInto('Identified gaps', 'HIV test kits');
    typeInto('Identified gaps', 'HIV test kits out of stock');
    expect(saveStatus().textContent).toBe('Unsaved changes');

    await waitFor(() => expect(saveStatus().textContent).toMatch(/^Saved · \d/));
    expect(requestsTo('PUT /api/mentorship-logs/{id}').map((r) => r.body)).toEqual([
      { version: 3, identified_gaps: 'HIV test kits out of stock' },
    ]);

    typeInto('Objective 2', 'Observe two clinic sessions');
    await waitFor(() => expect(requestsTo('PUT /api/mentorship-logs/{id}')).toHaveLength(2));
    expect(requestsTo('PUT /api/mentorship-logs/{id}')[1]?.body).toEqual({
      version: 4,
      objectives: ['Review the ANC register', 'Observe two clinic sessions'],
    });
  });

  it('leaves a field that breaks the rules for later, and saves the rest', async () => {
    const { requestsTo } = renderForm(`/logs/${draft.id}/edit`, {
      'PUT /api/mentorship-logs/{id}': (request) => savedAs(request, draft),
    });
    await screen.findByRole('heading', { level: 1, name: 'Edit the plan' });

    typeInto('Objective 1', 'ab');
    typeInto('Logistics notes', 'Hire a car from Kano');

    await waitFor(() => expect(requestsTo('PUT /api/mentorship-logs/{id}')).toHaveLength(1));
    expect(requestsTo('PUT /api/mentorship-logs/{id}')[0]?.body).toEqual({
      version: 3,
      logistics_notes: 'Hire a car from Kano',
    });
  });

  it('says "Offline — will retry" without a network, keeps the changes and retries', async () => {
    let online = false;
    const { requestsTo } = renderForm(`/logs/${draft.id}/edit`, {
      'PUT /api/mentorship-logs/{id}': (request) => {
        if (!online) throw new TypeError('Failed to fetch');
        return savedAs(request, draft);
      },
    });
    await screen.findByRole('heading', { level: 1, name: 'Edit the plan' });

    typeInto('Resources needed', 'Job aids for ANC');

    await waitFor(() => expect(saveStatus().textContent).toBe('Offline — will retry'));
    online = true;
    await waitFor(() => expect(saveStatus().textContent).toMatch(/^Saved · /));
    const bodies = requestsTo('PUT /api/mentorship-logs/{id}').map((r) => r.body);
    expect(bodies.length).toBeGreaterThanOrEqual(2);
    expect(bodies.at(-1)).toEqual({ version: 3, resources_needed: 'Job aids for ANC' });
  });

  it('retries at once when the browser is back online', async () => {
    let online = false;
    const slow = { delay: 30, retries: [60_000] };
    const api = fakeApi({
      'GET /api/mentorship-logs/{id}': () => draft,
      'GET /api/facilities': () => pageOf([dala]),
      'PUT /api/mentorship-logs/{id}': (request) => {
        if (!online) throw new TypeError('Failed to fetch');
        return savedAs(request, draft);
      },
    });
    renderWithProviders(null, {
      api: api.client,
      path: `/logs/${draft.id}/edit`,
      routes: [{ path: '/logs/:id/edit', element: <LogFormPage timing={slow} /> }],
    });
    await screen.findByRole('heading', { level: 1, name: 'Edit the plan' });
    typeInto('Resources needed', 'Job aids');
    await waitFor(() => expect(saveStatus().textContent).toBe('Offline — will retry'));

    online = true;
    act(() => {
      window.dispatchEvent(new Event('online'));
    });

    await waitFor(() => expect(saveStatus().textContent).toMatch(/^Saved · /));
  });

  it('on a version conflict shows what changed, field by field, and re-applies my edits on the new version', async () => {
    const theirs = logFixture({
      version: 5,
      identified_gaps: 'Stock-outs of RDTs',
      progress_made: 'New register',
    });
    let calls = 0;
    const { requestsTo } = renderForm(`/logs/${draft.id}/edit`, {
      'PUT /api/mentorship-logs/{id}': (request) => {
        calls += 1;
        if (calls === 1)
          return errorReply(409, 'version_conflict', 'Someone else changed this since you loaded it.', {
            current: theirs,
          });
        return savedAs(request, theirs);
      },
    });
    await screen.findByRole('heading', { level: 1, name: 'Edit the plan' });

    typeInto('Identified gaps', 'Stock-outs of HIV test kits');

    const conflict = await screen.findByRole('alert', { name: /Someone else changed this log/ });
    const rows = within(conflict).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.textContent).toContain('Identified gaps');
    expect(rows[0]?.textContent).toContain('Stock-outs of RDTs');
    expect(rows[0]?.textContent).toContain('Stock-outs of HIV test kits');
    // Autosave waits while the conflict is open.
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(requestsTo('PUT /api/mentorship-logs/{id}')).toHaveLength(1);

    fireEvent.click(within(conflict).getByRole('button', { name: 'Re-apply my edits' }));

    await waitFor(() => expect(screen.queryByRole('alert', { name: /Someone else changed/ })).toBeNull());
    expect(requestsTo('PUT /api/mentorship-logs/{id}')[1]?.body).toEqual({
      version: 5,
      identified_gaps: 'Stock-outs of HIV test kits',
    });
    // Their other change is now in the form, and autosave does not undo it.
    expect(fieldValue('Progress made')).toBe('New register');
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(requestsTo('PUT /api/mentorship-logs/{id}')).toHaveLength(2);
  });

  it('"Reload theirs" takes the saved version into the form', async () => {
    const theirs = logFixture({ version: 5, identified_gaps: 'Stock-outs of RDTs' });
    const { requestsTo } = renderForm(`/logs/${draft.id}/edit`, {
      'PUT /api/mentorship-logs/{id}': () =>
        errorReply(409, 'version_conflict', 'Someone else changed this since you loaded it.', {
          current: theirs,
        }),
    });
    await screen.findByRole('heading', { level: 1, name: 'Edit the plan' });
    typeInto('Identified gaps', 'Mine');

    const conflict = await screen.findByRole('alert', { name: /Someone else changed this log/ });
    fireEvent.click(within(conflict).getByRole('button', { name: 'Reload theirs' }));

    expect(fieldValue('Identified gaps')).toBe('Stock-outs of RDTs');
    expect(saveStatus().textContent).toBe('All changes saved');
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(requestsTo('PUT /api/mentorship-logs/{id}')).toHaveLength(1);
  });

  it('submits after saving what is left, then opens the log', async () => {
    let current = draft;
    const { requestsTo, router, requests } = renderForm(`/logs/${draft.id}/edit`, {
      'PUT /api/mentorship-logs/{id}': (request) => {
        current = savedAs(request, current);
        return current;
      },
      'POST /api/mentorship-logs/{id}/submit': () => ({
        ...current,
        status: 'submitted',
        version: current.version + 1,
      }),
    });
    await screen.findByRole('heading', { level: 1, name: 'Edit the plan' });
    typeInto('Facility requests', 'A new weighing scale');

    fireEvent.click(screen.getByRole('button', { name: 'Submit for approval' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/logs/${draft.id}`));
    const writes = requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url.pathname}`);
    expect(writes).toEqual([
      `PUT /api/mentorship-logs/${draft.id}`,
      `POST /api/mentorship-logs/${draft.id}/submit`,
    ]);
    expect(requestsTo('POST /api/mentorship-logs/{id}/submit')[0]?.body).toEqual({ version: 4 });
  });

  it('shows the reviewer comment of a returned plan', async () => {
    renderForm(`/logs/${draft.id}/edit`, {
      'GET /api/mentorship-logs/{id}': () =>
        logFixture({
          status: 'returned',
          review_trail: [
            {
              action: 'submit',
              from: 'draft',
              to: 'submitted',
              by: draft.mentor_id,
              by_name: 'Mary Ade',
              at: '2026-01-06T08:00:00Z',
              comment: null,
            },
            {
              action: 'return',
              from: 'submitted',
              to: 'returned',
              by: uuid(9),
              by_name: 'Sani Bello',
              at: '2026-01-07T08:00:00Z',
              comment: 'Add the stock-outs to the gaps.',
            },
          ],
        }),
    });

    const note = await screen.findByRole('note', { name: 'Returned with a comment' });
    expect(note.textContent).toContain('Sani Bello');
    expect(note.textContent).toContain('Add the stock-outs to the gaps.');
  });

  it('offers the report once the plan is approved, with the plan read-only', async () => {
    renderForm(`/logs/${draft.id}/edit`, {
      'GET /api/mentorship-logs/{id}': () =>
        logFixture({ status: 'approved', editable_sections: ['reporting'], allowed_actions: ['complete'] }),
    });

    expect(await screen.findByRole('heading', { level: 1, name: 'Report the visit' })).toBeDefined();
    expect(screen.getByLabelText('Visit outcomes')).toBeDefined();
    expect(screen.getByLabelText('Performance summary').closest('fieldset')?.disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Submit for approval' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Save and complete visit…' })).toBeDefined();
    expect(await screen.findByRole('heading', { name: 'Follow-ups' })).toBeDefined();
  });

  it('"Save and complete visit…" saves the report, then opens the log with the complete dialog', async () => {
    Object.defineProperty(navigator, 'geolocation', {
      value: {
        getCurrentPosition: (_ok: PositionCallback, fail: PositionErrorCallback) =>
          fail({ code: 2 } as GeolocationPositionError),
      },
      configurable: true,
    });
    let current = logFixture({
      status: 'approved',
      editable_sections: ['reporting'],
      allowed_actions: ['complete'],
    });
    const api = fakeApi({
      'GET /api/auth/me': () => meFor('mentor'),
      'GET /api/facilities': () => pageOf([dala]),
      'GET /api/follow-ups': () => pageOf([]),
      'GET /api/mentorship-logs/{id}/attachments': () => ({ items: [] }),
      'GET /api/mentorship-logs/{id}': () => current,
      'PUT /api/mentorship-logs/{id}': (request) => {
        current = savedAs(request, current);
        return current;
      },
    });
    renderWithProviders(null, {
      api: api.client,
      auth: signedInAs('mentor'),
      path: `/logs/${draft.id}/edit`,
      routes: [
        { path: '/logs/:id/edit', element: <LogFormPage timing={FAST} /> },
        { path: '/logs/:id', element: <LogDetailPage /> },
      ],
    });
    await screen.findByRole('heading', { level: 1, name: 'Report the visit' });
    typeInto('Visit outcomes', 'Registers reconciled; two sessions observed.');

    fireEvent.click(screen.getByRole('button', { name: 'Save and complete visit…' }));

    const dialog = await screen.findByRole('dialog', { name: 'Complete the visit' });
    expect(within(dialog).getByText('Registers reconciled; two sessions observed.')).toBeDefined();
    expect(await within(dialog).findByText(/Your position could not be found/)).toBeDefined();
    expect(api.requestsTo('PUT /api/mentorship-logs/{id}')[0]?.body).toEqual({
      version: 3,
      visit_outcomes: 'Registers reconciled; two sessions observed.',
    });
    Reflect.deleteProperty(navigator, 'geolocation');
  });

  it('says so when the log cannot be edited in its status', async () => {
    renderForm(`/logs/${draft.id}/edit`, {
      'GET /api/mentorship-logs/{id}': () =>
        logFixture({ status: 'submitted', editable_sections: [], allowed_actions: ['withdraw'] }),
    });

    expect(await screen.findByRole('heading', { name: 'This log cannot be edited now' })).toBeDefined();
    expect(screen.getByRole('link', { name: 'Open the log' }).getAttribute('href')).toBe(`/logs/${draft.id}`);
  });
});

describe('LogFormPage: unsaved changes', () => {
  it('holds a navigation away from unsaved edits until the user decides', async () => {
    const { router } = renderForm('/logs/new');
    await screen.findByRole('heading', { level: 1, name: 'Plan a visit' });
    typeInto('Logistics notes', 'Leave at 6am');

    act(() => {
      void router.navigate('/logs');
    });
    const dialog = await screen.findByRole('dialog', { name: 'Leave without saving?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Stay' }));
    expect(router.state.location.pathname).toBe('/logs/new');
    expect(fieldValue('Logistics notes')).toBe('Leave at 6am');

    act(() => {
      void router.navigate('/logs');
    });
    fireEvent.click(
      within(await screen.findByRole('dialog', { name: 'Leave without saving?' })).getByRole('button', {
        name: 'Leave without saving',
      }),
    );
    expect(await screen.findByRole('heading', { name: 'Logs list' })).toBeDefined();
  });

  it('asks the browser to confirm closing the tab while edits are unsaved', async () => {
    renderForm('/logs/new');
    await screen.findByRole('heading', { level: 1, name: 'Plan a visit' });
    const before = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(before);
    expect(before.defaultPrevented).toBe(false);

    typeInto('Logistics notes', 'Leave at 6am');

    const after = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(true);
  });

  it('lets a navigation through once the edits are saved ("Save and leave")', async () => {
    const { router, requestsTo } = renderForm(`/logs/${draft.id}/edit`, {
      'PUT /api/mentorship-logs/{id}': (request) => savedAs(request, draft),
    });
    await screen.findByRole('heading', { level: 1, name: 'Edit the plan' });
    typeInto('Progress made', 'Registers now complete');

    fireEvent.click(screen.getByRole('link', { name: 'Back to the log' }));
    const dialog = await screen.findByRole('dialog', { name: 'Leave without saving?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save and leave' }));

    expect(await screen.findByRole('heading', { name: 'Log page' })).toBeDefined();
    expect(router.state.location.pathname).toBe(`/logs/${draft.id}`);
    expect(requestsTo('PUT /api/mentorship-logs/{id}')[0]?.body).toEqual({
      version: 3,
      progress_made: 'Registers now complete',
    });
  });
});
