import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError } from "@/lib/errors";

/** Workspace administration is for users flagged is_admin; everyone else gets 403. */
export function assertWorkspaceAdmin(actor: Actor) {
  if (!actor.isAdmin) throw new ForbiddenError("Only a workspace admin can do that.");
}
