// The form-level message for a failed request (lib/client/api.ts formErrorMessage, shown by ApiErrorMessage):
// the server's message unless a field already shows the problem.
import { describe, expect, it } from "vitest";
import { ApiError, asApiError, formErrorMessage, isConflict } from "@/lib/client/api";

const invalid = new ApiError("Invalid fields.", 422, "invalid", [
  { path: "name", message: "Give a name." },
  { path: "reason", message: "Say why." },
]);
const conflict = new ApiError("Someone else saved first.", 409, "conflict", [], { current: { version: 3 } });

describe("formErrorMessage", () => {
  it("shows the server's message when no field shows an issue", () => {
    expect(formErrorMessage(conflict)).toBe("Someone else saved first.");
    expect(formErrorMessage(new ApiError("Not found", 404, "not_found"))).toBe("Not found");
  });
  it("leaves the message out when an issue is shown beside a field (any issue, or one of the named fields)", () => {
    expect(formErrorMessage(invalid)).toBeNull();
    expect(formErrorMessage(invalid, { fields: ["name"] })).toBeNull();
    expect(formErrorMessage(invalid, { fields: ["email"] })).toBe("Invalid fields.");
    expect(formErrorMessage(invalid, { fields: [] })).toBe("Invalid fields.");
  });
  it("shows an inline issue in place of the message, the first named one found", () => {
    expect(formErrorMessage(invalid, { inline: ["kind", "reason"], fields: [] })).toBe("Say why.");
    expect(formErrorMessage(conflict, { inline: ["reason"], fields: [] })).toBe("Someone else saved first.");
  });
  it("says nothing for an ignored status, no error, or an error that is not an ApiError", () => {
    expect(formErrorMessage(conflict, { ignore: [409] })).toBeNull();
    expect(formErrorMessage(null)).toBeNull();
    expect(formErrorMessage(new TypeError("Failed to fetch"))).toBeNull();
  });
});

describe("asApiError and isConflict", () => {
  it("narrow only ApiErrors", () => {
    expect(asApiError(invalid)).toBe(invalid);
    expect(asApiError(new Error("x"))).toBeNull();
    expect(isConflict(conflict)).toBe(true);
    expect(isConflict(invalid)).toBe(false);
    expect(isConflict(undefined)).toBe(false);
  });
});
