// The form-level error for a failed request (an ApiError from lib/client/api.ts): the server's message in the
// form's alert box (data-testid="form-error"), unless the fields already show the problem. See formErrorMessage.
import { formErrorMessage, type FormErrorOptions } from "@/lib/client/api";
import { FormError } from "./form";

export function ApiErrorMessage({ error, ...options }: { error: unknown } & FormErrorOptions) {
  return <FormError message={formErrorMessage(error, options)} />;
}
