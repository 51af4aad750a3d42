import { type ComponentProps, useEffect, useRef, useState } from 'react';
import { TextField } from './TextField.tsx';

type Props = Omit<ComponentProps<typeof TextField>, 'value' | 'onChange' | 'defaultValue'> & {
  /** The committed value (e.g. from the URL). */
  value: string;
  /** Called once typing pauses for `delay` ms, or at once on Enter. */
  onCommit: (value: string) => void;
  delay?: number;
};

/**
 * A text box for list filters: it answers every keystroke but commits (and so queries the API) only
 * when typing pauses, so a phone on a slow network sends one request per word, not per letter.
 */
export const DebouncedTextField = ({ value, onCommit, delay = 350, onKeyDown, ...input }: Props) => {
  const [text, setText] = useState(value);
  const [committed, setCommitted] = useState(value);
  // The committed value changed elsewhere ("Clear filters", back button): show it.
  if (value !== committed) {
    setCommitted(value);
    setText(value);
  }
  const commitRef = useRef(onCommit);
  useEffect(() => {
    commitRef.current = onCommit;
  }, [onCommit]);

  useEffect(() => {
    if (text === committed) return;
    const timer = setTimeout(() => commitRef.current(text), delay);
    return () => clearTimeout(timer);
  }, [text, committed, delay]);

  return (
    <TextField
      {...input}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          if (text !== committed) commitRef.current(text);
        }
        onKeyDown?.(event);
      }}
    />
  );
};
