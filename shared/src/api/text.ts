import * as z from '../zod.ts';

/**
 * The text rules every string field of a request shares. JSON can carry half a UTF-16 surrogate pair
 * ("\ud800"), which no encoder turns into valid UTF-8 (URL encoding throws, storage mangles it), so
 * every text field refuses one. Names and titles are shown on one line — in lists, email subjects,
 * file names — so they also refuse control characters, line breaks and the bidirectional controls
 * that reorder what follows them ("invoice\u202Egpj.html" displays as "invoicelmth.jpg").
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** C0 and C1 control characters and DEL. */
const isControl = (code: number) => code < 0x20 || (code >= 0x7f && code <= 0x9f);
const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const hasControl = (text: string, allowLineBreaks: boolean) => {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isControl(code)) continue;
    if (allowLineBreaks && (code === TAB || code === LINE_FEED || code === CARRIAGE_RETURN)) continue;
    return true;
  }
  return false;
};
/** Embeddings, overrides and isolates (U+202A–202E, U+2066–2069): they reorder the text after them. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
/** Direction marks (LRM, RLM, ALM): harmless inside a paragraph, a spoofing tool inside a name. */
const BIDI_MARK = /[\u200E\u200F\u061C]/;
/** What renders as nothing: whitespace, zero-width characters, soft hyphen, word joiner, BOM. */
const INVISIBLE = /[\s\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF\u061C\u3164\u115F\u1160]/gu;

export const isWellFormed = (text: string) => !LONE_SURROGATE.test(text);
export const hasVisibleCharacter = (text: string) => text.replace(INVISIBLE, '').length > 0;

/** Bytes of the text in UTF-8, as DynamoDB counts an item's size (string length counts UTF-16 units). */
export const utf8Length = (text: string): number => {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
};

const messages = {
  surrogate: 'contains a broken character (half of a UTF-16 surrogate pair)',
  singleLine: 'must be one line, without control characters',
  control: 'must not contain control characters other than line breaks and tabs',
  bidi: 'must not contain text-direction control characters',
  invisible: 'must contain visible characters',
};

// The checks every text field shares, built once: a Lambda constructs each schema it imports at cold start.
const wellFormed = z.refine<string>(isWellFormed, messages.surrogate);
const trimmed = z.trim();
const singleLine = z.refine<string>((v) => !hasControl(v, false), messages.singleLine);
const noBidi = z.refine<string>((v) => !BIDI_CONTROL.test(v) && !BIDI_MARK.test(v), messages.bidi);
const noControlButBreaks = z.refine<string>((v) => !hasControl(v, true), messages.control);
const noBidiControl = z.refine<string>((v) => !BIDI_CONTROL.test(v), messages.bidi);
const visible = z.refine<string>((v) => v.length === 0 || hasVisibleCharacter(v), messages.invisible);

/** Any text: well-formed UTF-16. Every request string builds on this. */
export const wellFormedText = () => z.string().check(wellFormed);

const lengthChecks = (min: number, max: number, minMessage: string | undefined) => [
  ...(min > 0
    ? [z.minLength(min, minMessage ?? (min === 1 ? 'is required' : `must be at least ${min} characters`))]
    : []),
  z.maxLength(max),
];

type SingleLineOptions = { min?: number; max: number; minMessage?: string };

/**
 * A name or title: trimmed, one line, no control or direction characters, and (when required) at
 * least one visible character — a name made only of zero-width spaces is refused.
 */
export const singleLineText = ({ min = 0, max, minMessage }: SingleLineOptions) =>
  z
    .string()
    .check(
      wellFormed,
      trimmed,
      ...lengthChecks(min, max, minMessage),
      singleLine,
      noBidi,
      ...(min === 0 ? [] : [visible]),
    );

type MultiLineOptions = { min?: number; max: number; minMessage?: string; maxBytes?: number };

/**
 * Free text (summaries, notes, comments): trimmed, line breaks and tabs kept, no other control
 * characters and no direction overrides; direction marks stay (right-to-left writing needs them).
 * `maxBytes` bounds the UTF-8 size where the character limit alone would let an item grow too large.
 */
export const multiLineText = ({ min = 0, max, minMessage, maxBytes }: MultiLineOptions) =>
  z
    .string()
    .check(
      wellFormed,
      trimmed,
      ...lengthChecks(min, max, minMessage),
      noControlButBreaks,
      noBidiControl,
      ...(min === 0 ? [] : [visible]),
      ...(maxBytes === undefined
        ? []
        : [
            z.refine<string>(
              (v) => utf8Length(v) <= maxBytes,
              `must be at most ${Math.floor(maxBytes / 1000)} KB of text`,
            ),
          ]),
    );

/** Strips what a single-line display must not carry (for text that arrives from elsewhere, e.g. files). */
export const toSingleLine = (value: string) =>
  [...value]
    .map((c) => {
      const code = c.charCodeAt(0);
      if (c.length === 1 && code >= 0xd800 && code <= 0xdfff) return '';
      if (BIDI_CONTROL.test(c) || BIDI_MARK.test(c)) return '';
      return isControl(code) ? ' ' : c;
    })
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
