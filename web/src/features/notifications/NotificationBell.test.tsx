import { focusManager } from '@tanstack/react-query';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Outlet } from 'react-router-dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type FakeRequest, fakeApi, mockAccessToken } from '../../test/fakeApi.ts';
import { notificationFixture, pageOf, uuid } from '../../test/fixtures.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { SUMMARY_POLL_MS } from './api.ts';
import { notificationKeys } from './keys.ts';
import { NotificationBell } from './NotificationBell.tsx';

vi.mock('aws-amplify/auth', () => ({ fetchAuthSession: vi.fn(), signOut: vi.fn() }));

beforeEach(() => {
  mockAccessToken();
});

const followUpNote = notificationFixture();
const approvedNote = notificationFixture({
  id: uuid(702),
  type: 'mentorship-log.approved',
  title: 'Plan approved: Dala General Hospital on 2099-03-10',
  body: 'Sani Bello approved your visit plan.',
  link: `/logs/${uuid(401)}`,
  entity_type: 'mentorship_log',
  entity_id: uuid(401),
  created_at: new Date(Date.now() - 5 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
});
const oldNote = notificationFixture({
  id: uuid(703),
  title: 'Report verified',
  read_at: '2026-01-02T08:00:00Z',
});

const renderBell = (routes: Record<string, (request: FakeRequest) => unknown> = {}) => {
  let unread = 2;
  const api = fakeApi({
    'GET /api/notifications/summary': () => ({ unread_count: unread }),
    'GET /api/notifications': () => pageOf(unread ? [approvedNote, followUpNote, oldNote] : [oldNote]),
    'POST /api/notifications/{id}/read': ({ params }) => {
      unread -= 1;
      return {
        ...(params.id === approvedNote.id ? approvedNote : followUpNote),
        read_at: '2026-01-10T08:00:00Z',
      };
    },
    'POST /api/notifications/read-all': () => {
      const marked = unread;
      unread = 0;
      return { marked_read: marked };
    },
    ...routes,
  });
  const view = renderWithProviders(null, {
    api: api.client,
    path: '/',
    routes: [
      {
        path: '/',
        element: (
          <>
            <NotificationBell />
            <Outlet />
          </>
        ),
        children: [
          { index: true, element: <h1>Home</h1> },
          { path: 'logs/:id', element: <h1>Log page</h1> },
          { path: 'follow-ups', element: <h1>Follow-ups page</h1> },
        ],
      },
    ],
  });
  return { ...api, ...view };
};

const bell = () => screen.getByRole('button', { name: /^Notifications/ });
/** The bell's accessible name: "Notifications, 2 unread". */
const bellName = () => bell().querySelector('.visually-hidden')?.textContent;

describe('NotificationBell', () => {
  it('shows the unread count, polls it every minute and asks again when the window regains focus', async () => {
    const { requestsTo, queryClient } = renderBell();

    expect(await screen.findByRole('button', { name: 'Notifications, 2 unread' })).toBeDefined();
    const observer = queryClient.getQueryCache().find({ queryKey: notificationKeys.summary })?.observers[0];
    expect(observer?.options.refetchInterval).toBe(SUMMARY_POLL_MS);
    expect(SUMMARY_POLL_MS).toBe(60_000);

    const before = requestsTo('GET /api/notifications/summary').length;
    act(() => {
      focusManager.setFocused(false);
      focusManager.setFocused(true);
    });
    await waitFor(() => expect(requestsTo('GET /api/notifications/summary').length).toBe(before + 1));
    act(() => focusManager.setFocused(undefined));
  });

  it('lists the notifications, unread first, with how long ago', async () => {
    renderBell();
    await waitFor(() => expect(bellName()).toBe('Notifications, 2 unread'));

    fireEvent.click(bell());

    const panel = screen.getByRole('region', { name: 'Notifications' });
    const items = await within(panel).findAllByRole('button', {
      name: /Plan approved|New follow-up|Report verified/,
    });
    expect(items.map((item) => item.textContent?.startsWith('Unread: '))).toEqual([true, true, false]);
    expect(items[0]?.textContent).toContain('Sani Bello approved your visit plan.');
    expect(items[0]?.textContent).toContain('5 minutes ago');
  });

  it('marks a notification read when opened and goes to its link', async () => {
    const { requestsTo } = renderBell();
    await waitFor(() => expect(bellName()).toBe('Notifications, 2 unread'));
    fireEvent.click(bell());

    fireEvent.click(await screen.findByRole('button', { name: /Plan approved/ }));

    expect(await screen.findByRole('heading', { name: 'Log page' })).toBeDefined();
    expect(requestsTo('POST /api/notifications/{id}/read')[0]?.params.id).toBe(approvedNote.id);
    await waitFor(() => expect(bellName()).toBe('Notifications, 1 unread'));
    expect(screen.queryByRole('region', { name: 'Notifications' })).toBeNull();
  });

  it('marks all read', async () => {
    const { requestsTo } = renderBell();
    await waitFor(() => expect(bellName()).toBe('Notifications, 2 unread'));
    fireEvent.click(bell());
    await screen.findByRole('button', { name: /Plan approved/ });

    fireEvent.click(screen.getByRole('button', { name: 'Mark all read' }));

    await waitFor(() => expect(bellName()).toBe('Notifications'));
    expect(requestsTo('POST /api/notifications/read-all')).toHaveLength(1);
    const panel = screen.getByRole('region', { name: 'Notifications' });
    await waitFor(() => expect(within(panel).queryByText(/^Unread: /)).toBeNull());
  });

  it('closes with Escape and gives focus back to the bell', async () => {
    renderBell();
    fireEvent.click(bell());
    expect(screen.getByRole('region', { name: 'Notifications' })).toBeDefined();

    fireEvent.keyDown(document, { key: 'Escape' });

    expect(screen.queryByRole('region', { name: 'Notifications' })).toBeNull();
    expect(document.activeElement).toBe(bell());
  });
});
