import { useCallback, useEffect, useRef, useState } from 'react';
import { type BlockerFunction, useBlocker } from 'react-router-dom';
import { Dialog, DialogActions } from '../../components/Dialog.tsx';

/**
 * Keeps unsaved edits from being lost: in-app navigation to another page is held (react-router's
 * blocker) until the user decides, and closing or reloading the tab asks the browser's own question.
 * `allowNextNavigation()` lets a navigation through after a save (the form is about to leave on purpose).
 */
export const useUnsavedChangesGuard = (dirty: boolean) => {
  const dirtyRef = useRef(dirty);
  const allowed = useRef(false);
  useEffect(() => {
    dirtyRef.current = dirty;
  }, [dirty]);

  const shouldBlock = useCallback<BlockerFunction>(
    ({ currentLocation, nextLocation }) =>
      !allowed.current && dirtyRef.current && currentLocation.pathname !== nextLocation.pathname,
    [],
  );
  const blocker = useBlocker(shouldBlock);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const allowNextNavigation = useCallback(() => {
    allowed.current = true;
  }, []);

  return { blocker, allowNextNavigation };
};

type DialogProps = {
  blocker: ReturnType<typeof useBlocker>;
  /** Offered when the changes can be saved from here (an existing draft); resolves true when saved. */
  onSave?: () => Promise<boolean>;
};

/** "Leave without saving?" while a navigation is held by the guard. */
export const UnsavedChangesDialog = ({ blocker, onSave }: DialogProps) => {
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState(false);
  if (blocker.state !== 'blocked') return null;
  const stay = () => {
    setFailed(false);
    blocker.reset();
  };
  const saveAndLeave = async () => {
    if (!onSave) return;
    setSaving(true);
    const saved = await onSave();
    setSaving(false);
    if (saved) blocker.proceed();
    else setFailed(true);
  };
  return (
    <Dialog title="Leave without saving?" onClose={stay} busy={saving}>
      <div className="dialog__text">
        <p>You have changes that are not saved yet. If you leave now, they are lost.</p>
      </div>
      {failed && (
        <p className="form__alert" role="alert">
          Your changes could not be saved. Stay and check the form, or leave without saving.
        </p>
      )}
      <DialogActions>
        {onSave && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => void saveAndLeave()}
            disabled={saving}
          >
            {saving ? 'Saving…' : 'Save and leave'}
          </button>
        )}
        <button
          type="button"
          className="button button--danger"
          onClick={() => blocker.proceed?.()}
          disabled={saving}
        >
          Leave without saving
        </button>
        <button type="button" className="button" onClick={stay} disabled={saving} data-autofocus>
          Stay
        </button>
      </DialogActions>
    </Dialog>
  );
};
