import { InvalidError } from "@/lib/errors";

/** A retracted record is kept for the record, not built on: editing or citing it is a 422 saying so. */
export function retractedError(what: string, path?: string) {
  const message = `${what} was retracted; it is kept for the record but can no longer be changed or built on.`;
  return new InvalidError(message, path ? [{ path, message }] : undefined);
}
