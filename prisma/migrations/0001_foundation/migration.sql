-- Foundation: users, sessions, cases, membership, documents, audit.

CREATE TYPE "CaseRole" AS ENUM ('owner', 'editor', 'reviewer', 'viewer');
CREATE TYPE "CaseStatus" AS ENUM ('draft', 'active', 'paused', 'closed');
CREATE TYPE "Tlp" AS ENUM ('CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED');
CREATE TYPE "DocumentKind" AS ENUM ('paste', 'upload', 'url');

CREATE TABLE "users" (
  "id" UUID NOT NULL,
  "email" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "password_hash" TEXT NOT NULL,
  "is_admin" BOOLEAN NOT NULL DEFAULT false,
  "session_version" INTEGER NOT NULL DEFAULT 1,
  "disabled_at" TIMESTAMPTZ(3),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "users_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "users_email_lowercase" CHECK ("email" = lower("email"))
);
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

CREATE TABLE "auth_sessions" (
  "id" UUID NOT NULL,
  "user_id" UUID NOT NULL,
  "session_version" INTEGER NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "expires_at" TIMESTAMPTZ(3) NOT NULL,
  "revoked_at" TIMESTAMPTZ(3),
  "ip" TEXT,
  "user_agent" TEXT,
  CONSTRAINT "auth_sessions_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "auth_sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "auth_sessions_user_id_idx" ON "auth_sessions"("user_id");

CREATE TABLE "login_throttles" (
  "key" TEXT NOT NULL,
  "failures" INTEGER NOT NULL DEFAULT 0,
  "locked_until" TIMESTAMPTZ(3),
  "last_failed_at" TIMESTAMPTZ(3),
  CONSTRAINT "login_throttles_pkey" PRIMARY KEY ("key")
);

CREATE TABLE "cases" (
  "id" UUID NOT NULL,
  "slug" TEXT NOT NULL,
  "title" TEXT NOT NULL,
  "summary" TEXT NOT NULL DEFAULT '',
  "status" "CaseStatus" NOT NULL DEFAULT 'active',
  "tlp" "Tlp" NOT NULL DEFAULT 'AMBER',
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_by_id" UUID NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "cases_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "cases_title_not_blank" CHECK (length(btrim("title")) > 0),
  CONSTRAINT "cases_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "cases_slug_key" ON "cases"("slug");

CREATE TABLE "case_members" (
  "case_id" UUID NOT NULL,
  "user_id" UUID NOT NULL,
  "role" "CaseRole" NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "case_members_pkey" PRIMARY KEY ("case_id", "user_id"),
  CONSTRAINT "case_members_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "case_members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "case_members_user_id_idx" ON "case_members"("user_id");

CREATE TABLE "blobs" (
  "sha256" TEXT NOT NULL,
  "bytes" BYTEA NOT NULL,
  "size" INTEGER NOT NULL,
  "mime_type" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "blobs_pkey" PRIMARY KEY ("sha256"),
  CONSTRAINT "blobs_sha256_format" CHECK ("sha256" ~ '^[0-9a-f]{64}$'),
  CONSTRAINT "blobs_size_matches" CHECK ("size" = octet_length("bytes"))
);

CREATE TABLE "documents" (
  "id" UUID NOT NULL,
  "case_id" UUID NOT NULL,
  "title" TEXT NOT NULL,
  "url" TEXT,
  "publisher" TEXT,
  "author" TEXT,
  "published_at" TIMESTAMPTZ(3),
  "retrieved_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "kind" "DocumentKind" NOT NULL,
  "original_name" TEXT,
  "mime_type" TEXT NOT NULL,
  "text" TEXT NOT NULL,
  "sha256" TEXT NOT NULL,
  "text_sha256" TEXT NOT NULL,
  "size_bytes" INTEGER NOT NULL,
  "added_by_id" UUID NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "documents_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "documents_title_not_blank" CHECK (length(btrim("title")) > 0),
  CONSTRAINT "documents_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "documents_added_by_id_fkey" FOREIGN KEY ("added_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "documents_sha256_fkey" FOREIGN KEY ("sha256") REFERENCES "blobs"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "documents_case_id_created_at_idx" ON "documents"("case_id", "created_at");
CREATE INDEX "documents_sha256_idx" ON "documents"("sha256");

-- Captured evidence never changes: the text and both hashes are frozen at insert.
CREATE FUNCTION documents_freeze_capture() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."text" IS DISTINCT FROM OLD."text"
     OR NEW."sha256" IS DISTINCT FROM OLD."sha256"
     OR NEW."text_sha256" IS DISTINCT FROM OLD."text_sha256"
     OR NEW."retrieved_at" IS DISTINCT FROM OLD."retrieved_at" THEN
    RAISE EXCEPTION 'captured document text and hashes are immutable' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "documents_freeze_capture" BEFORE UPDATE ON "documents"
  FOR EACH ROW EXECUTE FUNCTION documents_freeze_capture();

CREATE TABLE "audit_events" (
  "id" UUID NOT NULL,
  "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "actor_id" UUID,
  "action" TEXT NOT NULL,
  "case_id" UUID,
  "target_type" TEXT NOT NULL,
  "target_id" TEXT NOT NULL,
  "before" JSONB,
  "after" JSONB,
  "reason" TEXT,
  "request_id" TEXT,
  CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "audit_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "audit_events_case_id_at_idx" ON "audit_events"("case_id", "at");
CREATE INDEX "audit_events_target_type_target_id_idx" ON "audit_events"("target_type", "target_id");

-- The audit trail is append-only for everyone, the app included.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER "audit_events_no_update" BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
