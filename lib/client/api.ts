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
