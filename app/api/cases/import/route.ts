import { NextResponse } from "next/server";
import { withUser } from "@/lib/http/route";
import { importStixBundle } from "@/lib/briefs/import-stix";
import { MAX_BUNDLE_BYTES } from "@/lib/briefs/stix-schemas";
import { CaseSchema } from "@/lib/cases/schemas";
import { TooLargeError } from "@/lib/errors";

// POST /api/cases/import — a STIX 2.1 bundle (JSON body) becomes a new case; the caller owns it
export const POST = withUser(async ({ req, ctx }) => {
  const created = await importStixBundle({ ctx, raw: await readBounded(req, MAX_BUNDLE_BYTES) });
  return NextResponse.json({ case: CaseSchema.parse(created) }, { status: 201 });
});

/** Reads the body but stops at the limit, so an endless or lying upload is refused without buffering it all. */
async function readBounded(req: Request, limit: number): Promise<string> {
  const tooLarge = () => new TooLargeError(`The bundle is larger than ${limit / 1048576} MB.`);
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
