import type { MentorshipLogView } from '@dml/shared/api/logs';
import type { LogAction } from '@dml/shared/domain/lifecycle';
import type { TransitionRoute } from '@dml/shared/routes/logs';
import type * as z from '@dml/shared/zod';
import type { ComponentType, Ref } from 'react';
import { CompleteSection } from './CompleteSection.tsx';
import type { currentPosition } from './geolocation.ts';

type BodyOf<A extends LogAction> = z.input<TransitionRoute<A>['body']>;

/** What the dialog asks of a section when the user confirms, and when the server refuses. */
export type SectionHandle = {
  /** The section's part of the request body, or null when its fields are not right yet (it says why). */
  collect: () => Record<string, unknown> | null;
  /** Shows a refusal's details on the section's own fields; returns the detail paths it showed. */
  showRefusal: (error: unknown) => string[];
};

/** Whether the dialog may confirm now, and what its button says instead of the row's label. */
export type SectionStatus = { ready: boolean; confirmLabel?: string };

/** A part of an action's dialog beyond the comment or reason (the visit report, the check-in). */
export type SectionProps = {
  ref: Ref<SectionHandle>;
  log: MentorshipLogView;
  busy: boolean;
  onStatus: (status: SectionStatus) => void;
  /** Position lookup (tests replace it; the app asks the phone). */
  locate?: () => ReturnType<typeof currentPosition>;
};

/** The dialog that confirms an action. */
export type ActionDialogText<A extends LogAction> = {
  title: (log: MentorshipLogView) => string;
  description?: (log: MentorshipLogView) => string;
  confirm: string;
  busy: string;
  /** The text box for the comment or reason the body carries; required when the body's schema says so. */
  field?: { name: Extract<keyof BodyOf<A>, 'comment' | 'reason'>; label: string; hint?: string };
  section?: ComponentType<SectionProps>;
  wide?: boolean;
};

/**
 * The texts of one action. Without a dialog the button acts at once, so only actions whose body may be
 * just the version can leave the dialog out (the type refuses it for return and reopen).
 */
export type ActionText<A extends LogAction> = {
  /** The button that takes the action. */
  button: string;
  tone: 'primary' | 'plain';
  /** Shown on the page once it is done. */
  done: string;
} & ({ version: number } extends BodyOf<A>
  ? { dialog?: ActionDialogText<A> }
  : { dialog: ActionDialogText<A> });

/** Every lifecycle action as the web shows it: the compiler asks for a row when an action is added. */
export const actionTexts: { [A in LogAction]: ActionText<A> } = {
  submit: { button: 'Submit for approval', tone: 'primary', done: 'Plan submitted for approval.' },
  withdraw: {
    button: 'Withdraw',
    tone: 'plain',
    done: 'Plan withdrawn; it is a draft again.',
    dialog: {
      title: () => 'Withdraw the plan',
      description: () => 'It goes back to draft; your supervisor no longer sees it in the review queue.',
      confirm: 'Withdraw',
      busy: 'Withdrawing…',
    },
  },
  approve: {
    button: 'Approve',
    tone: 'primary',
    done: 'Plan approved.',
    dialog: {
      title: () => 'Approve the plan',
      description: (log) => `${log.mentor_name} can then make the visit and report it.`,
      confirm: 'Approve',
      busy: 'Approving…',
      field: { name: 'comment', label: 'Comment' },
    },
  },
  return: {
    button: 'Return',
    tone: 'plain',
    done: 'Returned to the mentor with your comment.',
    dialog: {
      title: (log) => (log.status === 'completed' ? 'Return the report' : 'Return the plan'),
      description: (log) => `${log.mentor_name} sees your comment and can change it and send it again.`,
      confirm: 'Return',
      busy: 'Returning…',
      field: { name: 'comment', label: 'Comment', hint: 'Say what needs to change.' },
    },
  },
  complete: {
    button: 'Complete visit',
    tone: 'primary',
    done: 'Visit completed; the report goes to your supervisor.',
    dialog: {
      title: () => 'Complete the visit',
      confirm: 'Complete visit',
      busy: 'Completing…',
      section: CompleteSection,
      wide: true,
    },
  },
  verify: {
    button: 'Verify',
    tone: 'primary',
    done: 'Report verified.',
    dialog: {
      title: () => 'Verify the report',
      description: () => 'Confirms the visit report is complete and accurate.',
      confirm: 'Verify',
      busy: 'Verifying…',
      field: { name: 'comment', label: 'Comment' },
    },
  },
  reopen: {
    button: 'Reopen',
    tone: 'plain',
    done: 'Report reopened.',
    dialog: {
      title: () => 'Reopen the report',
      description: () => 'The log goes back to approved so the report can be corrected; the mentor is told.',
      confirm: 'Reopen',
      busy: 'Reopening…',
      field: { name: 'reason', label: 'Reason' },
    },
  },
};
