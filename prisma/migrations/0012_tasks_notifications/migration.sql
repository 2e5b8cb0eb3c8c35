-- Everyday workflow (issue 18): per-case tasks, as TheHive users know them, and in-app notifications.
-- casefile_app gets SELECT/INSERT/UPDATE/DELETE on both tables from the owner's default privileges
-- (scripts/lib/db-roles.ts); casefile_grant_app_role() below covers a database migrated before them.

CREATE TYPE "TaskStatus" AS ENUM ('open', 'in_progress', 'done', 'cancelled');

-- A task of a case: who should do it, by when, and what it is about (a claim, a hypothesis or the brief).
CREATE TABLE "tasks" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "status" "TaskStatus" NOT NULL DEFAULT 'open',
    "assignee_id" UUID,
    "due_date" DATE,
    "link_type" TEXT,
    "link_id" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "tasks_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "tasks_title_not_blank" CHECK (length(btrim("title")) > 0),
    -- A link is a kind and the record's id together (for the brief, the case's own id), or neither.
    CONSTRAINT "tasks_link_complete" CHECK (
      ("link_type" IS NULL AND "link_id" IS NULL)
      OR ("link_type" IN ('claim', 'hypothesis', 'brief') AND "link_id" IS NOT NULL))
);

CREATE INDEX "tasks_case_id_status_idx" ON "tasks"("case_id", "status");
CREATE INDEX "tasks_assignee_id_status_idx" ON "tasks"("assignee_id", "status");

ALTER TABLE "tasks" ADD CONSTRAINT "tasks_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The assignee is a member of the task's case, and a linked record belongs to it.
CREATE FUNCTION tasks_same_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."assignee_id" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "case_members" m WHERE m."case_id" = NEW."case_id" AND m."user_id" = NEW."assignee_id"
  ) THEN
    RAISE EXCEPTION 'a task is assigned to a member of its case' USING ERRCODE = 'check_violation';
  END IF;
  IF (NEW."link_type" = 'claim' AND NOT EXISTS (SELECT 1 FROM "claims" c WHERE c."id" = NEW."link_id" AND c."case_id" = NEW."case_id"))
     OR (NEW."link_type" = 'hypothesis' AND NOT EXISTS (SELECT 1 FROM "hypotheses" h WHERE h."id" = NEW."link_id" AND h."case_id" = NEW."case_id"))
     OR (NEW."link_type" = 'brief' AND NEW."link_id" <> NEW."case_id") THEN
    RAISE EXCEPTION 'a task links to a record of its own case' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "tasks_same_case" BEFORE INSERT OR UPDATE OF "case_id", "assignee_id", "link_type", "link_id" ON "tasks"
  FOR EACH ROW EXECUTE FUNCTION tasks_same_case();

-- Something that happened to one user's work (a review decided, a comment, a task assigned), shown
-- under the bell until they read it. Personal: each row belongs to its recipient only.
CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "case_id" UUID,
    "actor_id" UUID,
    "kind" TEXT NOT NULL,
    "target_type" TEXT NOT NULL,
    "target_id" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "href" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id"),
    -- Links stay inside the app.
    CONSTRAINT "notifications_href_local" CHECK ("href" LIKE '/%' AND "href" NOT LIKE '//%')
);

CREATE INDEX "notifications_user_id_created_at_idx" ON "notifications"("user_id", "created_at");
CREATE INDEX "notifications_user_id_unread_idx" ON "notifications"("user_id") WHERE "read_at" IS NULL;

ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

SELECT casefile_grant_app_role();
