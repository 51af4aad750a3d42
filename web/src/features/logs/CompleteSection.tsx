import { CompleteBody } from '@dml/shared/api/logs';
import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState } from 'react';
import { isApiError } from '../../api/ApiError.ts';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { errorText, formErrorMap } from '../../lib/forms.ts';
import type { SectionProps } from './actionTexts.ts';
import { currentPosition, type DevicePosition, metres } from './geolocation.ts';
import { MIN_OUTCOMES } from './logForm.ts';

type Locate =
  | { state: 'locating' }
  | { state: 'found'; position: DevicePosition }
  | { state: 'failed'; message: string };

/**
 * What completing a visit adds to its dialog: the outcomes (if not saved yet), then the geo check-in.
 * The phone's position is asked for with high accuracy and a time limit; without one the visit still
 * completes (the server flags it "no location"). When the server finds the position outside the
 * facility's radius, it says how far, and the mentor gives a reason and sends again.
 */
export const CompleteSection = ({ ref, log, busy, onStatus, locate = currentPosition }: SectionProps) => {
  const needsOutcomes = (log.visit_outcomes ?? '').trim().length < MIN_OUTCOMES;
  const [outcomes, setOutcomes] = useState(log.visit_outcomes ?? '');
  const [lessons, setLessons] = useState(log.lessons_learned ?? '');
  const [geo, setGeo] = useState<Locate>({ state: 'locating' });
  const [offSite, setOffSite] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<{ outcomes?: string; reason?: string }>({});
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

  const locating = geo.state === 'locating';
  // A layout effect: the dialog's button changes in the same paint as the section.
  useLayoutEffect(() => {
    onStatus({ ready: !locating, confirmLabel: offSite ? 'Send with reason' : undefined });
  }, [locating, offSite, onStatus]);

  useImperativeHandle(
    ref,
    () => ({
      collect: () => {
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
        if (found.outcomes || found.reason) return null;

        const part: Omit<CompleteBody, 'version'> = {};
        if (geo.state === 'found') part.location = geo.position;
        if (offSite) part.off_site_reason = reason.trim();
        if (needsOutcomes) {
          part.visit_outcomes = outcomes.trim();
          if (lessons.trim() && lessons.trim() !== (log.lessons_learned ?? ''))
            part.lessons_learned = lessons.trim();
        }
        return part;
      },
      showRefusal: (error) => {
        if (!isApiError(error) || error.status !== 422) return [];
        const shown: string[] = [];
        const away = error.details.find((d) => d.path === 'off_site_reason');
        if (away) {
          setOffSite(errorText('Your position', away.message) ?? away.message);
          shown.push(away.path);
        }
        const short = error.details.find((d) => d.path === 'visit_outcomes');
        if (short && needsOutcomes) {
          setProblems((p) => ({ ...p, outcomes: errorText('Visit outcomes', short.message) }));
          shown.push(short.path);
        }
        return shown;
      },
    }),
    [needsOutcomes, outcomes, lessons, offSite, reason, geo, log.lessons_learned],
  );

  return (
    <>
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
    </>
  );
};
