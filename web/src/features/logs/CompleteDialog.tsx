import { CompleteBody, type MentorshipLogView } from '@dml/shared/api/logs';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../../api/ApiError.ts';
import { Dialog, DialogActions } from '../../components/Dialog.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { errorText, formErrorMap } from '../../lib/forms.ts';
import { describeError } from './describeError.tsx';
import { currentPosition, type DevicePosition } from './geolocation.ts';
import { MIN_OUTCOMES } from './logForm.ts';

type Locate =
  | { state: 'locating' }
  | { state: 'found'; position: DevicePosition }
  | { state: 'failed'; message: string };

type Props = {
  log: MentorshipLogView;
  busy: boolean;
  /** Sends the complete request; rejects with the API error. */
  onComplete: (body: CompleteBody) => Promise<unknown>;
  onCancel: () => void;
  /** Position lookup (tests replace it; the app asks the phone). */
  locate?: () => ReturnType<typeof currentPosition>;
};

const metres = (m: number) => (m >= 1000 ? `${(m / 1000).toFixed(1)} km` : `${Math.round(m)} m`);

/**
 * Completes a visit: the outcomes (if not saved yet), then the geo check-in. The phone's position is
 * asked for with high accuracy and a time limit; without one the visit still completes (the server
 * flags it "no location"). When the server finds the position outside the facility's radius, it says
 * how far, and the mentor gives a reason and sends again.
 */
export const CompleteDialog = ({ log, busy, onComplete, onCancel, locate = currentPosition }: Props) => {
  const needsOutcomes = (log.visit_outcomes ?? '').trim().length < MIN_OUTCOMES;
  const [outcomes, setOutcomes] = useState(log.visit_outcomes ?? '');
  const [lessons, setLessons] = useState(log.lessons_learned ?? '');
  const [geo, setGeo] = useState<Locate>({ state: 'locating' });
  const [offSite, setOffSite] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<{ outcomes?: string; reason?: string }>({});
  const [failure, setFailure] = useState<ReactNode>(null);
  const attempt = useRef(0);

  const findPosition = useCallback(() => {
    const mine = ++attempt.current;
    setGeo({ state: 'locating' });
    void locate().then((result) => {
      if (mine !== attempt.current) return;
      setGeo(
        result.ok
          ? { state: 'found', position: result.position }
          : { state: 'failed', message: result.message },
      );
    });
  }, [locate]);
  useEffect(() => {
    findPosition();
    return () => {
      attempt.current += 1;
    };
  }, [findPosition]);

  const skipPosition = () => {
    attempt.current += 1;
    setGeo({ state: 'failed', message: 'You continued without a position.' });
  };

  const send = async () => {
    setFailure(null);
    const found: typeof problems = {};
    if (needsOutcomes && outcomes.trim().length < MIN_OUTCOMES)
      found.outcomes = `Visit outcomes need at least ${MIN_OUTCOMES} characters`;
    if (offSite) {
      const parsed = CompleteBody.shape.off_site_reason.safeParse(reason.trim() || undefined, {
        error: formErrorMap,
      });
      if (!reason.trim()) found.reason = 'Give a reason to report from elsewhere';
      else if (!parsed.success) found.reason = errorText('Reason', parsed.error.issues[0]?.message);
    }
    setProblems(found);
    if (found.outcomes || found.reason) return;

    const body: CompleteBody = { version: log.version };
    if (geo.state === 'found') body.location = geo.position;
    if (offSite) body.off_site_reason = reason.trim();
    if (needsOutcomes) {
      body.visit_outcomes = outcomes.trim();
      if (lessons.trim() && lessons.trim() !== (log.lessons_learned ?? ''))
        body.lessons_learned = lessons.trim();
    }
    try {
      await onComplete(body);
    } catch (error) {
      if (isApiError(error) && error.status === 422) {
        const away = error.details.find((d) => d.path === 'off_site_reason');
        const short = error.details.find((d) => d.path === 'visit_outcomes');
        if (away) setOffSite(errorText('Your position', away.message) ?? away.message);
        if (short && needsOutcomes)
          setProblems((p) => ({ ...p, outcomes: errorText('Visit outcomes', short.message) }));
        const rest = error.details.filter(
          (d) => d.path !== 'off_site_reason' && !(needsOutcomes && d.path === 'visit_outcomes'),
        );
        if (rest.length > 0 || (!away && !short))
          setFailure(describeError(error, { skip: ['off_site_reason', 'visit_outcomes'] }));
        return;
      }
      setFailure(describeError(error));
    }
  };

  const locating = geo.state === 'locating';
  return (
    <Dialog title="Complete the visit" onClose={onCancel} busy={busy} wide>
      <form
        className="form"
        noValidate
        aria-label="Complete the visit"
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        {failure && (
          <div className="form__alert" role="alert">
            {failure}
          </div>
        )}
        {needsOutcomes ? (
          <>
            <TextAreaField
              label="Visit outcomes"
              hint={`What happened at the visit (at least ${MIN_OUTCOMES} characters).`}
              rows={5}
              value={outcomes}
              error={problems.outcomes}
              onChange={(event) => setOutcomes(event.target.value)}
            />
            <TextAreaField
              label="Lessons learned"
              rows={3}
              value={lessons}
              onChange={(event) => setLessons(event.target.value)}
            />
          </>
        ) : (
          <div className="complete-summary">
            <p className="field__label">Visit outcomes</p>
            <p className="complete-summary__text">{log.visit_outcomes}</p>
          </div>
        )}

        <section className="geo" aria-labelledby="geo-title">
          <h3 id="geo-title" className="geo__title">
            Location check-in
          </h3>
          <p role="status" aria-live="polite" className={`geo__status geo__status--${geo.state}`}>
            {geo.state === 'locating' && 'Finding your position…'}
            {geo.state === 'found' && `Position found, accurate to about ${metres(geo.position.accuracy_m)}.`}
            {geo.state === 'failed' &&
              `${geo.message} You can still complete the visit; it will be marked "no location".`}
          </p>
          <div className="button-row">
            {locating ? (
              <button type="button" className="button button--link" onClick={skipPosition}>
                Continue without location
              </button>
            ) : (
              <button type="button" className="button button--link" onClick={findPosition} disabled={busy}>
                {geo.state === 'found' ? 'Find my position again' : 'Try again'}
              </button>
            )}
          </div>
        </section>

        {offSite && (
          <div className="off-site">
            <p className="off-site__message" role="alert">
              {offSite}
            </p>
            <TextAreaField
              label="Reason for reporting from elsewhere"
              rows={3}
              value={reason}
              error={problems.reason}
              onChange={(event) => setReason(event.target.value)}
            />
          </div>
        )}

        <DialogActions>
          <button type="submit" className="button button--primary" disabled={busy || locating}>
            {busy ? 'Completing…' : offSite ? 'Send with reason' : 'Complete visit'}
          </button>
          <button type="button" className="button" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
