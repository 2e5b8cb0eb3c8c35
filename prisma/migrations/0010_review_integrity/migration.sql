-- Review integrity: the two-person rule and the append-only record, enforced by the database itself,
-- for a connection that is not the tables' owner (the app's role, casefile_app) as much as for the
-- services. What this migration guarantees:
--   * a hypothesis is `approved` only with an approved review for exactly its current content hash,
--     and any change to its content columns resets it to draft and withdraws its reviews;
--   * nobody approves a judgment they wrote or changed since its last approval, or submitted;
--   * a review is born pending; only a pending review is decided, an approval can only be withdrawn
--     (with its reason); nothing else about a review ever changes, and none is deleted;
--   * a brief release references the approved brief review for its own case and hash;
--   * hypothesis versions, releases and their files, and stored originals (checked against their
--     SHA-256 on insert) are append-only; a document's URL, MIME type and kind freeze with its text;
--   * the app's role has no UPDATE/DELETE/TRUNCATE on the append-only tables (see casefile_grant_app_role).

-- ── Reviews: which version was submitted, and why a review was withdrawn ──────────────────────────
ALTER TABLE "reviews"
  ADD COLUMN "target_version" INTEGER,
  ADD COLUMN "withdrawn_reason" TEXT,
  ADD COLUMN "withdrawn_at" TIMESTAMPTZ(3);

-- Reviews submitted before versions were recorded: the hypothesis version current when submitted.
UPDATE "reviews" r SET "target_version" = (
  SELECT max(v."version") FROM "hypothesis_versions" v WHERE v."hypothesis_id" = r."target_id" AND v."at" <= r."created_at"
) WHERE r."target_type" = 'hypothesis';

-- The content hash of a hypothesis, computed exactly as lib/attribution/content-hash.ts does
-- (SHA-256 of JSON.stringify of the content fields in a fixed order), so the database can check
-- that an approval covers the content as it is now. to_json escapes text as JSON.stringify does for
-- anything PostgreSQL can store (quotes, backslashes, control characters as \u00xx).
CREATE FUNCTION hypothesis_content_hash(h "hypotheses") RETURNS TEXT LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(
    '{"title":' || to_json(h."title")::text
    || ',"description":' || to_json(h."description")::text
    || ',"actorEntityId":' || coalesce(to_json(h."actor_entity_id"::text)::text, 'null')
    || ',"likelihood":' || coalesce(to_json(h."likelihood"::text)::text, 'null')
    || ',"confidence":' || coalesce(to_json(h."confidence"::text)::text, 'null')
    || ',"rationale":' || to_json(h."rationale")::text
    || ',"disposition":' || to_json(h."disposition"::text)::text
    || ',"rejectedReason":' || coalesce(to_json(h."rejected_reason")::text, 'null')
    -- The proposition and the basis of confidence (migration 0009) join the hash only when written.
    || CASE WHEN h."proposition" <> '' THEN ',"proposition":' || to_json(h."proposition")::text ELSE '' END
    || CASE WHEN h."confidence_basis" <> '' THEN ',"confidenceBasis":' || to_json(h."confidence_basis")::text ELSE '' END
    || '}', 'UTF8')), 'hex')
$$;

-- Approvals the old code left standing after their judgment changed (the bug this fixes), and older
-- approvals superseded by a newer one, read `withdrawn` from now on.
UPDATE "reviews" r SET "decision" = 'withdrawn', "withdrawn_at" = now(),
  "withdrawn_reason" = 'The judgment changed after this approval (recorded when approvals became withdrawable).'
WHERE r."decision" = 'approved' AND r."target_type" = 'hypothesis' AND NOT EXISTS (
  SELECT 1 FROM "hypotheses" h WHERE h."id" = r."target_id" AND h."review_state" = 'approved'
    AND h."approved_hash" = r."content_hash" AND hypothesis_content_hash(h) = r."content_hash"
    AND NOT EXISTS (SELECT 1 FROM "reviews" n WHERE n."target_id" = r."target_id" AND n."decision" = 'approved' AND n."decided_at" > r."decided_at"));
UPDATE "reviews" SET "withdrawn_reason" = 'Withdrawn by a later edit or a new submission (before reasons were recorded).', "withdrawn_at" = coalesce("decided_at", "created_at")
  WHERE "decision" = 'withdrawn' AND "withdrawn_reason" IS NULL;
-- Hypotheses still marked approved without a matching approval go back to draft.
UPDATE "hypotheses" h SET "review_state" = 'draft', "approved_hash" = NULL
WHERE h."review_state" = 'approved' AND (h."approved_hash" <> hypothesis_content_hash(h) OR NOT EXISTS (
  SELECT 1 FROM "reviews" r WHERE r."target_type" = 'hypothesis' AND r."target_id" = h."id" AND r."decision" = 'approved' AND r."content_hash" = h."approved_hash"));

ALTER TABLE "reviews"
  ADD CONSTRAINT "reviews_withdrawn_has_reason" CHECK ("decision" <> 'withdrawn' OR length(btrim(coalesce("withdrawn_reason", ''))) > 0);

-- ── Who may approve a judgment ─────────────────────────────────────────────────────────────────────
-- Everyone who changed the content since its last approval (its author always): version 1 is the
-- author's, and each later version names who changed it. The last approval is the newest review that
-- was approved (still, or since withdrawn: a withdrawn review with a reviewer was an approval, since a
-- pending one is withdrawn without one), and it covered the version it was submitted at.
CREATE FUNCTION hypothesis_changers_since_approval(hypothesis UUID, excluding_review UUID) RETURNS SETOF UUID LANGUAGE sql STABLE AS $$
  SELECT h."author_id" FROM "hypotheses" h WHERE h."id" = hypothesis
  UNION
  SELECT v."changed_by_id" FROM "hypothesis_versions" v
  WHERE v."hypothesis_id" = hypothesis AND v."version" > coalesce((
    SELECT max(r."target_version") FROM "reviews" r
    WHERE r."target_type" = 'hypothesis' AND r."target_id" = hypothesis AND r."id" IS DISTINCT FROM excluding_review
      AND r."reviewer_id" IS NOT NULL AND r."decision" IN ('approved', 'withdrawn')
  ), 0)
$$;

CREATE OR REPLACE FUNCTION reviews_not_author() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  h "hypotheses";
BEGIN
  IF NEW."decision" = 'approved' AND NEW."target_type" = 'hypothesis' AND (TG_OP = 'INSERT' OR OLD."decision" <> 'approved') THEN
    SELECT * INTO h FROM "hypotheses" WHERE "id" = NEW."target_id" AND "case_id" = NEW."case_id";
    IF NOT FOUND THEN
      RAISE EXCEPTION 'the approved judgment does not exist in this case' USING ERRCODE = 'check_violation';
    END IF;
    IF NEW."reviewer_id" IN (SELECT hypothesis_changers_since_approval(h."id", NEW."id")) THEN
      RAISE EXCEPTION 'a judgment cannot be approved by its author or by anyone who changed it since its last approval' USING ERRCODE = 'check_violation';
    END IF;
    IF NEW."content_hash" <> hypothesis_content_hash(h) THEN
      RAISE EXCEPTION 'the approval does not cover the judgment as it is now (content hash differs)' USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  RETURN NEW;
END $$;

-- ── Reviews are append-only, except for deciding a pending one and withdrawing an approval ──────────
CREATE FUNCTION reviews_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW."decision" <> 'pending' OR NEW."reviewer_id" IS NOT NULL OR NEW."decided_at" IS NOT NULL OR NEW."withdrawn_at" IS NOT NULL THEN
      RAISE EXCEPTION 'a review is created pending, without a reviewer' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF TG_OP <> 'UPDATE' THEN
    RAISE EXCEPTION 'reviews is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  -- What was submitted never changes.
  IF (NEW."id", NEW."case_id", NEW."target_type", NEW."target_id", NEW."content_hash", NEW."submitted_by_id", NEW."created_at", NEW."target_version")
     IS DISTINCT FROM (OLD."id", OLD."case_id", OLD."target_type", OLD."target_id", OLD."content_hash", OLD."submitted_by_id", OLD."created_at", OLD."target_version") THEN
    RAISE EXCEPTION 'reviews is append-only: what was submitted cannot change' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD."decision" = 'pending' AND NEW."decision" IN ('approved', 'changes_requested', 'withdrawn') THEN
    IF NEW."decided_at" IS NULL THEN
      RAISE EXCEPTION 'a decided review needs the time it was decided' USING ERRCODE = 'check_violation';
    END IF;
    IF NEW."decision" = 'withdrawn' AND (NEW."reviewer_id" IS NOT NULL OR NEW."withdrawn_at" IS NULL) THEN
      RAISE EXCEPTION 'a withdrawn submission has no reviewer and needs the time it was withdrawn' USING ERRCODE = 'check_violation';
    END IF;
    IF NEW."decision" <> 'withdrawn' AND (NEW."withdrawn_at" IS NOT NULL OR NEW."withdrawn_reason" IS NOT NULL) THEN
      RAISE EXCEPTION 'only a withdrawn review has a withdrawal' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD."decision" = 'approved' AND NEW."decision" = 'withdrawn'
     AND NEW."reviewer_id" IS NOT DISTINCT FROM OLD."reviewer_id" AND NEW."comment" = OLD."comment" AND NEW."decided_at" IS NOT DISTINCT FROM OLD."decided_at"
     AND NEW."withdrawn_at" IS NOT NULL THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'reviews is append-only: a % review cannot become %', OLD."decision", NEW."decision" USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER "reviews_append_only" BEFORE INSERT OR UPDATE OR DELETE ON "reviews" FOR EACH ROW EXECUTE FUNCTION reviews_append_only();
CREATE TRIGGER "reviews_no_truncate" BEFORE TRUNCATE ON "reviews" FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

-- ── Hypotheses: approved only as reviewed; a content change resets the review ──────────────────────
CREATE FUNCTION hypotheses_content_changed(o "hypotheses", n "hypotheses") RETURNS BOOLEAN LANGUAGE sql IMMUTABLE AS $$
  SELECT (n."title", n."description", n."actor_entity_id", n."likelihood", n."confidence", n."rationale", n."proposition", n."confidence_basis", n."disposition", n."rejected_reason")
    IS DISTINCT FROM (o."title", o."description", o."actor_entity_id", o."likelihood", o."confidence", o."rationale", o."proposition", o."confidence_basis", o."disposition", o."rejected_reason")
$$;

CREATE FUNCTION hypotheses_reset_review() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF hypotheses_content_changed(OLD, NEW) THEN
    NEW."review_state" := 'draft';
    NEW."approved_hash" := NULL;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "hypotheses_reset_review" BEFORE UPDATE ON "hypotheses" FOR EACH ROW EXECUTE FUNCTION hypotheses_reset_review();

-- A direct edit withdraws what the service would have withdrawn (the service does it first, with the
-- editor's reason; this catches any other path).
CREATE FUNCTION hypotheses_withdraw_reviews() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF hypotheses_content_changed(OLD, NEW) THEN
    UPDATE "reviews" SET "decision" = 'withdrawn', "withdrawn_at" = now(), "decided_at" = coalesce("decided_at", now()),
      "withdrawn_reason" = format('The judgment was changed (version %s) after it was %s.', NEW."version", CASE WHEN "decision" = 'approved' THEN 'approved' ELSE 'submitted' END)
    WHERE "target_type" = 'hypothesis' AND "target_id" = NEW."id" AND "decision" IN ('pending', 'approved');
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "hypotheses_withdraw_reviews" AFTER UPDATE ON "hypotheses" FOR EACH ROW EXECUTE FUNCTION hypotheses_withdraw_reviews();

-- Checked at commit, so a service may write the hypothesis and its review in either order: an
-- approved hypothesis carries the hash of its current content and an approved review of that hash.
CREATE FUNCTION hypothesis_assert_approval(hypothesis UUID) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
  h "hypotheses";
BEGIN
  SELECT * INTO h FROM "hypotheses" WHERE "id" = hypothesis;
  IF FOUND AND h."review_state" = 'approved' AND (
       h."approved_hash" IS DISTINCT FROM hypothesis_content_hash(h)
       OR NOT EXISTS (SELECT 1 FROM "reviews" r WHERE r."target_type" = 'hypothesis' AND r."target_id" = h."id" AND r."decision" = 'approved' AND r."content_hash" = h."approved_hash")) THEN
    RAISE EXCEPTION 'a judgment is approved only with an approved review of exactly its current content' USING ERRCODE = 'check_violation';
  END IF;
END $$;
CREATE FUNCTION hypotheses_check_approval() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM hypothesis_assert_approval(NEW."id");
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER "hypotheses_check_approval" AFTER INSERT OR UPDATE ON "hypotheses"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION hypotheses_check_approval();
CREATE FUNCTION reviews_check_target_approval() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."target_type" = 'hypothesis' THEN
    PERFORM hypothesis_assert_approval(NEW."target_id");
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER "reviews_check_target_approval" AFTER UPDATE ON "reviews"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION reviews_check_target_approval();

-- ── Hypothesis versions are append-only ────────────────────────────────────────────────────────────
CREATE TRIGGER "hypothesis_versions_no_update" BEFORE UPDATE OR DELETE ON "hypothesis_versions"
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER "hypothesis_versions_no_truncate" BEFORE TRUNCATE ON "hypothesis_versions"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
-- audit_events_append_only names its table in the message.
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

-- ── Brief releases: approved by the brief's own approved review, for this hash; never truncated ────
ALTER TABLE "brief_releases"
  ADD CONSTRAINT "brief_releases_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "brief_releases_review_id_idx" ON "brief_releases"("review_id");

CREATE FUNCTION brief_releases_check_review() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM "reviews" r
    WHERE r."id" = NEW."review_id" AND r."target_type" = 'brief' AND r."target_id" = NEW."case_id" AND r."case_id" = NEW."case_id"
      AND r."decision" = 'approved' AND r."content_hash" = NEW."content_hash" AND r."reviewer_id" = NEW."approved_by_id"
  ) THEN
    RAISE EXCEPTION 'a release needs the approved review of this brief, for this content hash, by its approver' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "brief_releases_check_review" BEFORE INSERT ON "brief_releases" FOR EACH ROW EXECUTE FUNCTION brief_releases_check_review();
CREATE TRIGGER "brief_releases_no_truncate" BEFORE TRUNCATE ON "brief_releases" FOR EACH STATEMENT EXECUTE FUNCTION brief_releases_immutable();
CREATE TRIGGER "brief_release_files_no_truncate" BEFORE TRUNCATE ON "brief_release_files" FOR EACH STATEMENT EXECUTE FUNCTION brief_releases_immutable();

-- ── Original bytes: checked against their address on insert, then frozen ───────────────────────────
CREATE FUNCTION blobs_check_hash() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."sha256" <> encode(sha256(NEW."bytes"), 'hex') THEN
    RAISE EXCEPTION 'stored original does not match its SHA-256' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "blobs_check_hash" BEFORE INSERT ON "blobs" FOR EACH ROW EXECUTE FUNCTION blobs_check_hash();
CREATE TRIGGER "blobs_immutable" BEFORE UPDATE OR DELETE ON "blobs" FOR EACH ROW EXECUTE FUNCTION brief_releases_immutable();
CREATE TRIGGER "blobs_no_truncate" BEFORE TRUNCATE ON "blobs" FOR EACH STATEMENT EXECUTE FUNCTION brief_releases_immutable();

-- A document's provenance freezes with its text: where it came from, what it was and how it was taken.
CREATE OR REPLACE FUNCTION documents_freeze_capture() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."text" IS DISTINCT FROM OLD."text"
     OR NEW."sha256" IS DISTINCT FROM OLD."sha256"
     OR NEW."text_sha256" IS DISTINCT FROM OLD."text_sha256"
     OR NEW."retrieved_at" IS DISTINCT FROM OLD."retrieved_at"
     OR NEW."url" IS DISTINCT FROM OLD."url"
     OR NEW."mime_type" IS DISTINCT FROM OLD."mime_type"
     OR NEW."kind" IS DISTINCT FROM OLD."kind"
     OR NEW."size_bytes" IS DISTINCT FROM OLD."size_bytes"
     OR NEW."original_name" IS DISTINCT FROM OLD."original_name"
     OR NEW."case_id" IS DISTINCT FROM OLD."case_id"
     OR NEW."added_by_id" IS DISTINCT FROM OLD."added_by_id"
     OR NEW."created_at" IS DISTINCT FROM OLD."created_at" THEN
    RAISE EXCEPTION 'captured document text, hashes and provenance (URL, MIME type, kind) are immutable' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;

-- ── The app's role ─────────────────────────────────────────────────────────────────────────────────
-- The app connects as casefile_app, which owns nothing: it cannot alter tables or triggers, and it
-- is not a superuser, so it cannot set session_replication_role. Migrations run as the owner
-- (casefile_owner), whose default privileges grant casefile_app SELECT/INSERT/UPDATE/DELETE on every
-- table it creates later. This function grants the tables that predate those default privileges (a
-- table on which the app holds no right at all), and takes back what the append-only tables must not
-- give. The migrator calls it after every run, so it must never widen a right a later migration took
-- back: it only grants tables the app has no entry for. A later append-only table revokes its own
-- rights in its migration (default privileges gave it SELECT/INSERT/UPDATE/DELETE). Without a
-- casefile_app role (a single-role DATABASE_URL) it does nothing.
CREATE FUNCTION casefile_grant_app_role() RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
  t REGCLASS;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'casefile_app') THEN
    RETURN;
  END IF;
  GRANT USAGE ON SCHEMA public TO casefile_app;
  FOR t IN
    SELECT c.oid::regclass FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')
      AND NOT EXISTS (SELECT 1 FROM aclexplode(coalesce(c.relacl, acldefault('r', c.relowner))) a WHERE a.grantee = 'casefile_app'::regrole)
  LOOP
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO casefile_app', t);
  END LOOP;
  GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO casefile_app;
  REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM casefile_app;
  -- Append-only: insert and read.
  REVOKE UPDATE, DELETE ON "audit_events", "hypothesis_versions", "brief_releases", "brief_release_files", "blobs" FROM casefile_app;
  -- Reviews are decided (pending → approved / changes requested / withdrawn) and approvals withdrawn:
  -- only those columns may be written; the trigger above checks the transitions.
  REVOKE UPDATE, DELETE ON "reviews" FROM casefile_app;
  GRANT UPDATE ("reviewer_id", "decision", "comment", "decided_at", "withdrawn_reason", "withdrawn_at") ON "reviews" TO casefile_app;
  -- The migrations' own record: readable (backups list it), never written by the app.
  REVOKE INSERT, UPDATE, DELETE ON "_prisma_migrations" FROM casefile_app;
  GRANT SELECT ON "_prisma_migrations" TO casefile_app;
END $$;
SELECT casefile_grant_app_role();
