import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/**
 * The one zod every schema is built with: `zod/mini`, whose schemas cost a fraction of the classic
 * API's to construct — and a Lambda constructs every schema it imports during its cold start. Import
 * it as a namespace (`import * as z`) so bundlers keep only what is used. Mini carries no locale of
 * its own, so English messages are set here, once, before any schema parses (this module is listed
 * as having side effects for bundlers).
 */
config(en());

export * from 'zod/mini';
