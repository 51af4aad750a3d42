import type { MentorshipLogView } from '@dml/shared/api/logs';
import type { LogAction } from '@dml/shared/domain/lifecycle';
import { logRoutes, transitionRouteId } from '@dml/shared/routes/logs';
import * as z from '@dml/shared/zod';
import { type ReactNode, useRef, useState } from 'react';
import { isApiError } from '../../api/ApiError.ts';
import { Dialog, DialogActions } from '../../components/Dialog.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { errorText, formErrorMap } from '../../lib/forms.ts';
import type { ActionDialogText, SectionHandle, SectionProps, SectionStatus } from './actionTexts.ts';
import type { TransitionRequest } from './api.ts';

type Props = {
  action: LogAction;
  /** The action's row of dialog texts. */
  text: ActionDialogText<LogAction>;
  log: MentorshipLogView;
  /** Sends the request; rejects with the refusal. The dialog is busy until it settles. */
  onConfirm: (request: TransitionRequest) => Promise<unknown>;
  /** A refusal as text, leaving out the details already shown on the dialog's own fields. */
  describe: (error: unknown, skip: readonly string[]) => ReactNode;
  onCancel: () => void;
  locate?: SectionProps['locate'];
};

const bodySchema = (action: LogAction): z.ZodMiniObject => logRoutes[transitionRouteId(action)].body;

const always: SectionStatus = { ready: true };
const labelOf = (key: PropertyKey | undefined) => {
  const words = String(key ?? 'the request').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * Confirms a lifecycle action: the row's texts, the comment or reason its body carries (required when
 * its schema says so), and the row's extra section (the visit report and check-in of "complete"). The
 * request is checked with the route's own body schema before it is sent.
 */
export const TransitionDialog = ({ action, text, log, onConfirm, describe, onCancel, locate }: Props) => {
  const schema = bodySchema(action);
  const field = text.field && { ...text.field, schema: schema.shape[text.field.name] };
  const optional = field?.schema ? z.safeParse(field.schema, undefined).success : false;
  const title = text.title(log);
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [failure, setFailure] = useState<ReactNode>(null);
  // Its own flag, cleared in the same update as the refusal's texts, so the buttons never lag behind them.
  const [busy, setBusy] = useState(false);
  const section = useRef<SectionHandle>(null);
  const [status, setStatus] = useState<SectionStatus>(always);
  const Section = text.section;

  const confirm = async () => {
    setFailure(null);
    setProblem(undefined);
    const part = section.current ? section.current.collect() : {};
    // A blank box sends nothing, so a required comment or reason is "is required" by the schema itself.
    const typed = field && value.trim() ? { [field.name]: value } : {};
    const parsed = schema.safeParse({ version: log.version, ...typed, ...part }, { error: formErrorMap });
    if (!parsed.success) {
      const own = parsed.error.issues.find((issue) => field && issue.path[0] === field.name);
      const rest = parsed.error.issues.filter((issue) => issue !== own);
      if (own && field) setProblem(errorText(field.label, own.message));
      if (rest.length > 0)
        setFailure(rest.map((issue) => errorText(labelOf(issue.path[0]), issue.message)).join(' '));
      return;
    }
    if (part === null) return;
    setBusy(true);
    try {
      // The route's own schema has just accepted this body for this action.
      await onConfirm({ action, body: parsed.data } as TransitionRequest);
      setBusy(false);
    } catch (error) {
      setBusy(false);
      const shown = section.current?.showRefusal(error) ?? [];
      // Everything the server said is on the section's fields: no alert above them.
      const unshown = isApiError(error) ? error.details.filter((d) => !shown.includes(d.path)) : [];
      if (shown.length > 0 && unshown.length === 0) return;
      setFailure(describe(error, shown));
    }
  };

  return (
    <Dialog
      title={title}
      onClose={onCancel}
      busy={busy}
      description={text.description?.(log)}
      wide={text.wide}
    >
      <form
        className="form"
        noValidate
        aria-label={title}
        onSubmit={(event) => {
          event.preventDefault();
          void confirm();
        }}
      >
        {failure && (
          <div className="form__alert" role="alert">
            {failure}
          </div>
        )}
        {field && (
          <TextAreaField
            label={optional ? `${field.label} (optional)` : field.label}
            hint={field.hint}
            value={value}
            rows={4}
            error={problem}
            onChange={(event) => {
              setValue(event.target.value);
              setProblem(undefined);
            }}
          />
        )}
        {Section && <Section ref={section} log={log} busy={busy} onStatus={setStatus} locate={locate} />}
        <DialogActions>
          <button type="submit" className="button button--primary" disabled={busy || !status.ready}>
            {busy ? text.busy : (status.confirmLabel ?? text.confirm)}
          </button>
          <button type="button" className="button" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
