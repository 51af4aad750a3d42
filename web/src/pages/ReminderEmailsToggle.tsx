import { type Me, User } from '@dml/shared/api/users';
import { adminRoutes } from '@dml/shared/routes/admin';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage, isApiError } from '../api/ApiError.ts';
import { useApi } from '../api/ApiProvider.tsx';
import { meQueryKey } from '../api/useMe.ts';
import { CheckboxField } from '../components/CheckboxField.tsx';

/**
 * The daily reminder digest, on or off, saved as soon as it is switched (with the profile's version).
 * If the profile changed elsewhere meanwhile, the switch is applied on top of the newer version: it is
 * the user's own single choice, so there is nothing of someone else's to lose.
 */
export const ReminderEmailsToggle = ({ me }: { me: Me }) => {
  const api = useApi();
  const client = useQueryClient();
  const [saved, setSaved] = useState<boolean | null>(null);
  const save = useMutation({
    mutationFn: async (on: boolean) => {
      const send = (version: number) =>
        api.request(adminRoutes.updateUser, {
          params: { id: me.id },
          body: { version, reminder_emails: on },
        });
      try {
        return await send(me.version);
      } catch (error) {
        const current =
          isApiError(error) && error.code === 'version_conflict' ? User.safeParse(error.current) : null;
        if (!current?.success) throw error;
        if (current.data.reminder_emails === on) return current.data;
        return send(current.data.version);
      }
    },
    onSuccess: (user) => {
      client.setQueryData<Me>(meQueryKey, (old) => (old ? { ...old, ...user } : old));
      setSaved(user.reminder_emails);
    },
  });

  const checked = save.isPending ? Boolean(save.variables) : me.reminder_emails;
  return (
    <section className="section" aria-labelledby="profile-reminders">
      <div className="section__header">
        <h2 id="profile-reminders">Email reminders</h2>
      </div>
      <CheckboxField
        label="Email me a daily reminder digest"
        hint="One email each morning with follow-ups due soon or overdue and reviews waiting for you."
        checked={checked}
        disabled={save.isPending}
        onChange={(event) => {
          setSaved(null);
          save.mutate(event.target.checked);
        }}
      />
      <p className="muted" role="status" aria-live="polite">
        {save.isPending
          ? 'Saving…'
          : saved === null
            ? ''
            : saved
              ? 'Daily reminders are on.'
              : 'Daily reminders are off.'}
      </p>
      {save.isError && (
        <p className="field__error" role="alert">
          {errorMessage(save.error)}
        </p>
      )}
    </section>
  );
};
