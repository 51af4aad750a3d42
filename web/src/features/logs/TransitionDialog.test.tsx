import { type LogAction, logActions } from '@dml/shared/domain/lifecycle';
import { logRoutes, transitionRouteId } from '@dml/shared/routes/logs';
import * as z from '@dml/shared/zod';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { logFixture } from '../../test/fixtures.ts';
import { actionTexts } from './actionTexts.ts';
import type { TransitionRequest } from './api.ts';
import { TransitionDialog } from './TransitionDialog.tsx';

afterEach(cleanup);

const bodyOf = (action: LogAction) => logRoutes[transitionRouteId(action)].body as z.ZodMiniObject;
const withDialog = logActions.filter((action) => actionTexts[action].dialog);
const log = logFixture({ status: 'approved', visit_outcomes: 'Registers reconciled; saved earlier.' });

const open = (action: LogAction, onConfirm = vi.fn(async (_: TransitionRequest) => {})) => {
  const text = actionTexts[action].dialog;
  if (!text) throw new Error(`${action} has no dialog`);
  render(
    <TransitionDialog
      action={action}
      text={text}
      log={log}
      onConfirm={onConfirm}
      describe={(error) => String(error)}
      onCancel={() => {}}
      locate={async () => ({ ok: false, reason: 'denied', message: 'Location permission was refused.' })}
    />,
  );
  return { dialog: screen.getByRole('dialog', { name: text.title(log) }), onConfirm, text };
};

describe('the web says every lifecycle action', () => {
  it.each(logActions)('%s has a button, a done message and texts its route can take', (action) => {
    const row = actionTexts[action];
    expect(row.button.trim()).not.toBe('');
    expect(row.done.trim()).not.toBe('');
    const field = row.dialog?.field;
    if (field) expect(Object.keys(bodyOf(action).shape)).toContain(field.name);
    // A button that acts at once sends only the version.
    if (!row.dialog) expect(bodyOf(action).safeParse({ version: 3 }).success).toBe(true);
  });
});

describe('one dialog for every action', () => {
  it.each(withDialog)(
    '%s: an accessible dialog, focus inside, that sends what its route accepts',
    async (action) => {
      const { dialog, onConfirm, text } = open(action);
      expect(dialog.contains(document.activeElement)).toBe(true);
      const field = text.field;
      if (field) {
        const fieldSchema = bodyOf(action).shape[field.name];
        const optional = fieldSchema && z.safeParse(fieldSchema, undefined).success;
        const name = optional ? `${field.label} (optional)` : field.label;
        fireEvent.change(within(dialog).getByRole('textbox', { name }), {
          target: { value: '  Add the stock-out figures.  ' },
        });
      }
      const confirm = within(dialog).getByRole('button', { name: text.confirm });
      await waitFor(() => expect(confirm.hasAttribute('disabled')).toBe(false));
      fireEvent.click(confirm);

      await waitFor(() => expect(onConfirm).toHaveBeenCalledTimes(1));
      const sent = onConfirm.mock.calls[0]?.[0];
      expect(sent?.action).toBe(action);
      expect(bodyOf(action).parse(sent?.body)).toEqual(sent?.body);
      expect(sent?.body).toMatchObject({ version: log.version });
      if (field) expect(sent?.body).toMatchObject({ [field.name]: 'Add the stock-out figures.' });
    },
  );

  it('keeps a required comment or reason from being sent blank, saying so on the field', () => {
    const required = withDialog.filter((action) => {
      const field = actionTexts[action].dialog?.field;
      const fieldSchema = field && bodyOf(action).shape[field.name];
      return field && !(fieldSchema && z.safeParse(fieldSchema, undefined).success);
    });
    expect(required.length).toBeGreaterThan(0);
    for (const action of required) {
      const { dialog, onConfirm, text } = open(action);
      fireEvent.click(within(dialog).getByRole('button', { name: text.confirm }));
      expect(within(dialog).getByText(`${text.field?.label} is required`)).toBeDefined();
      expect(onConfirm).not.toHaveBeenCalled();
      cleanup();
    }
  });

  it('shows a refusal inside the dialog and stays open', async () => {
    const refusal = new Error('Someone changed this log since you opened it.');
    const { dialog } = open(
      'approve',
      vi.fn(async () => {
        throw refusal;
      }),
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Approve' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('Someone changed this log');
    expect(screen.getByRole('dialog', { name: 'Approve the plan' })).toBeDefined();
  });
});
