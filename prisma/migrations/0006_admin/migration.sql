-- One-time links for workspace admins: an invite (new account) or a password reset (existing account).
-- Only the SHA-256 of the token is stored; the link is shown once to the admin who made it.
CREATE TYPE "UserInvitePurpose" AS ENUM ('invite', 'reset');

CREATE TABLE "user_invites" (
  "id" UUID NOT NULL,
  "user_id" UUID NOT NULL,
  "purpose" "UserInvitePurpose" NOT NULL,
  "token_hash" TEXT NOT NULL,
  "created_by_id" UUID NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "expires_at" TIMESTAMPTZ(3) NOT NULL,
  "used_at" TIMESTAMPTZ(3),
  CONSTRAINT "user_invites_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "user_invites_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "user_invites_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "user_invites_token_hash_key" ON "user_invites"("token_hash");
CREATE INDEX "user_invites_user_id_idx" ON "user_invites"("user_id");
