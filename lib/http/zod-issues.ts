import type { ZodError } from "zod";
import type { FieldIssue } from "@/lib/errors";

type Issue = ZodError["issues"][number];

// zod's own wording ("Invalid input: expected string, received undefined") names neither the field
// nor what to do. Every 422 says which field, and why: a missing field says it is required, a wrong
// type says what was expected, and a choice lists the allowed values (issue 12, "Messages").

const label = (path: PropertyKey[]) => (path.length ? String(path[path.length - 1]) : "The request body");

export function issueMessage(issue: Issue): string {
  let message = issue.message;
  if (issue.code === "invalid_type") {
    const generic = /^Invalid input/.test(message);
    if (/received undefined$/.test(message))
      message = generic ? `${label(issue.path)} is required: it is missing from the request.` : message;
    else if (generic)
      message = `${label(issue.path)} must be ${issue.expected === "array" ? "a list" : issue.expected === "object" ? "an object" : `a ${issue.expected}`}.`;
  }
  if (issue.code === "invalid_value" && issue.values.length) {
    const allowed = issue.values.map((v) => JSON.stringify(v));
    // Keep a hand-written message, but make sure it lists what is allowed.
    if (/^Invalid option/.test(message)) message = `${label(issue.path)} is not one of the allowed values. Allowed: ${allowed.join(", ")}.`;
    else if (!issue.values.every((v) => message.includes(String(v)))) message = `${message} Allowed: ${allowed.join(", ")}.`;
  }
  return message;
}

export function zodIssues(err: ZodError): FieldIssue[] {
  return err.issues.map((i) => ({ path: i.path.join("."), message: issueMessage(i) }));
}
