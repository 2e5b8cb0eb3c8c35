// Errors whose messages are safe to show to the user; lib/http maps each to its HTTP status.
// Anything else is logged and answered with a generic message and a request id.
export type FieldIssue = { path: string; message: string };

export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues?: FieldIssue[];
  readonly details?: Record<string, unknown>;
  constructor({
    status,
    code,
    message,
    issues,
    details,
  }: {
    status: number;
    code: string;
    message: string;
    issues?: FieldIssue[];
    details?: Record<string, unknown>;
  }) {
    super(message);
    this.name = new.target.name;
    this.status = status;
    this.code = code;
    this.issues = issues;
    this.details = details;
  }
}

export class BadRequestError extends AppError {
  constructor(message: string, issues?: FieldIssue[]) {
    super({ status: 400, code: "bad_request", message, issues });
  }
}
export class UnauthorizedError extends AppError {
  constructor(message = "Sign in to continue.") {
    super({ status: 401, code: "unauthorized", message });
  }
}
export class ForbiddenError extends AppError {
  constructor(message = "You do not have permission to do that.") {
    super({ status: 403, code: "forbidden", message });
  }
}
/**
 * Also used for records in cases the user may not see, so ids do not leak: the message is the same
 * "Not found." for every kind and every reason (issue 12: an id from another case and an id that
 * exists nowhere must read alike). `what` is kept on the error for logs only.
 */
export class NotFoundError extends AppError {
  readonly what: string;
  constructor(what = "Record") {
    super({ status: 404, code: "not_found", message: "Not found." });
    this.what = what;
  }
}
export class ConflictError extends AppError {
  constructor(message: string, details?: Record<string, unknown>) {
    super({ status: 409, code: "conflict", message, details });
  }
}
export class TooLargeError extends AppError {
  constructor(message: string) {
    super({ status: 413, code: "too_large", message });
  }
}
export class UnsupportedMediaError extends AppError {
  constructor(message: string) {
    super({ status: 415, code: "unsupported_media_type", message });
  }
}
export class InvalidError extends AppError {
  constructor(message: string, issues?: FieldIssue[]) {
    super({ status: 422, code: "invalid", message, issues });
  }
}
export class RateLimitedError extends AppError {
  constructor(message: string, retryAfterSeconds: number) {
    super({ status: 429, code: "rate_limited", message, details: { retryAfterSeconds } });
  }
}
