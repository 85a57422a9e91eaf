import type { ErrorCode, ErrorDetail, ApiErrorShape } from './contract-kit.ts';

/** A failure the user can act on; its message is already in the user's language. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: ErrorDetail[];
  constructor(code: ErrorCode, message: string, details?: ErrorDetail[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toShape(): ApiErrorShape {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

/** An AppError about one field: the message is also the detail at `path`. */
export function fail(code: ErrorCode, path: string, message: string): AppError {
  return new AppError(code, message, [{ path, message }]);
}
