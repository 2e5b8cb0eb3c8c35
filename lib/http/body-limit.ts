import { TooLargeError } from "@/lib/errors";

// One limit for every request body the app reads (a STIX bundle is the largest), answered with 413.
// next.config.js lets Next's request proxy buffer a little more than this (proxyClientMaxBodySize):
// by default it cut bodies at 10 MiB without telling the route, which then saw broken JSON (a 422;
// issue 12, outside test). Uploads have their own, smaller limit (MAX_UPLOAD_BYTES, 5 MB).
export const MAX_REQUEST_BODY_BYTES = 20 * 1024 * 1024;

const megabytes = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;

/**
 * The body as text, refused (413) when Content-Length or the bytes actually sent pass `limit`; reading
 * stops there, so an endless or lying upload is never buffered whole.
 */
export async function readBodyText(
  req: Request,
  { limit = MAX_REQUEST_BODY_BYTES, what = "Request bodies" }: { limit?: number; what?: string } = {},
): Promise<string> {
  const tooLarge = () => new TooLargeError(`${what} are limited to ${megabytes(limit)}.`);
  if (Number(req.headers.get("content-length") ?? 0) > limit) throw tooLarge();
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
