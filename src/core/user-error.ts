// Expected failures are values, not exceptions: a command returns a UserError and the router turns
// it into a usage message in the user's language (see i18n/messages.ts for the wording).
import type { ErrorCode, ErrorParams } from './i18n/messages.js';

export interface UserError<C extends ErrorCode = ErrorCode> {
  readonly isUserError: true;
  readonly code: C;
  readonly params: ErrorParams[C];
  /** Commands the user may have meant, written as they would type them. */
  readonly suggestions: string[];
}

export function userError<C extends ErrorCode>(code: C, params: ErrorParams[C], suggestions: string[] = []): UserError<C> {
  return { isUserError: true, code, params, suggestions };
}

export function isUserError(value: unknown): value is UserError {
  return typeof value === 'object' && value !== null && (value as { isUserError?: unknown }).isUserError === true;
}
