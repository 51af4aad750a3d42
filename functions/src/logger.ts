import { Logger } from '@aws-lambda-powertools/logger';

/** Structured JSON logs; each HTTP request appends its request id (see http/middleware). */
export const logger = new Logger({ serviceName: 'dml' });
