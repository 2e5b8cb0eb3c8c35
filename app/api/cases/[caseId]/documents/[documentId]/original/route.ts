import { withCase } from "@/lib/http/route";
import { readOriginal } from "@/lib/documents/read-original";
import { ATTACHMENT_CSP } from "@/lib/http/security-headers";

// GET /api/cases/{caseId}/documents/{documentId}/original — the original bytes as an attachment, hash-verified first
export const GET = withCase("documents.read", async ({ access, params }) => {
  const { bytes, sha256, contentType, fileName } = await readOriginal({ access, documentId: params.documentId });
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": contentType,
      "content-length": String(bytes.length),
      "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "x-content-type-options": "nosniff",
      "content-security-policy": ATTACHMENT_CSP,
      "cache-control": "private, no-store",
      "x-content-sha256": sha256,
    },
  });
});
