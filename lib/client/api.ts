// Client-side fetch wrapper: JSON in, JSON out, errors as ApiError with the server's field issues.
export type FieldIssue = { path: string; message: string };

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly issues: FieldIssue[] = [],
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }
  issueFor(path: string) {
    return this.issues.find((i) => i.path === path)?.message;
  }
}

export async function api<T>(url: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, headers, ...rest } = init;
  const res = await fetch(url, {
    ...rest,
    headers: { ...(json !== undefined ? { "content-type": "application/json" } : {}), ...headers },
    body: json !== undefined ? JSON.stringify(json) : rest.body,
  });
  const text = await res.text();
  let body: Record<string, unknown> = {};
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    /* a non-JSON answer (e.g. a proxy error page) is reported below */
  }
  if (!res.ok) {
    const err = (body.error ?? {}) as { message?: string; code?: string; issues?: FieldIssue[] } & Record<string, unknown>;
    throw new ApiError(err.message ?? `Request failed (${res.status}).`, res.status, err.code ?? "error", err.issues ?? [], err);
  }
  return body as T;
}

/** The ApiError behind a failed request, or null (nothing failed, or the request never got an answer). */
export function asApiError(err: unknown): ApiError | null {
  return err instanceof ApiError ? err : null;
}

/** A 409: someone else saved first (the body's `current` holds their record) or a database rule refused. */
export function isConflict(err: unknown): err is ApiError {
  return err instanceof ApiError && err.status === 409;
}

export type FormErrorOptions = {
  /** Fields the form shows issues beside: the message is left out when one of them has an issue. Default: any issue. */
  fields?: readonly string[];
  /** Issues shown in place of the message (the form has no field to show them beside), first found wins. */
  inline?: readonly string[];
  /** Statuses the form answers itself (a conflict notice for 409): no message for them. */
  ignore?: readonly number[];
};

/**
 * What a form shows above (or below) its fields for a failed request: the server's message, unless the problem
 * is already shown beside a field. Only an ApiError has a message fit to show; anything else gives null.
 */
export function formErrorMessage(err: unknown, { fields, inline = [], ignore = [] }: FormErrorOptions = {}): string | null {
  const error = asApiError(err);
  if (!error || ignore.includes(error.status)) return null;
  for (const path of inline) {
    const issue = error.issueFor(path);
    if (issue) return issue;
  }
  const shownBeside = fields ? fields.some((f) => error.issueFor(f)) : error.issues.length > 0;
  return shownBeside ? null : error.message;
}
