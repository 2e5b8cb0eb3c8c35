import { z } from "zod";
import { IdSchema } from "@/lib/ids/id-schema";
import { withCase, parseJson, parseQuery } from "@/lib/http/route";
import { addComment, listComments } from "@/lib/review/comments";
import { CreateCommentSchema, CommentThreadsResponseSchema, CommentResponseSchema } from "@/lib/attribution/schemas";
import { respond } from "@/lib/http/respond";

const CommentQuerySchema = z.object({ targetType: z.enum(["hypothesis", "question", "claim"]), targetId: IdSchema });

// GET /api/cases/{caseId}/comments?targetType=&targetId= — threaded comments and dissents on one target
export const GET = withCase("attribution.read", async ({ req, access }) => {
  const q = parseQuery(req, CommentQuerySchema);
  return respond(CommentThreadsResponseSchema, { threads: await listComments({ access, targetType: q.targetType, targetId: q.targetId }) });
});

// POST /api/cases/{caseId}/comments — comment, reply (parentId) or record a dissent (isDissent)
export const POST = withCase("comments.create", async ({ req, ctx, access }) => {
  const comment = await addComment({ ctx, access, input: await parseJson(req, CreateCommentSchema) });
  return respond(CommentResponseSchema, { comment }, { status: 201 });
});
