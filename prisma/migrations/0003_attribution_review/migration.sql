-- Attribution and review: questions, competing hypotheses with history, ACH ratings, two-person
-- review, threaded comments and dissent, presence.

CREATE TYPE "Likelihood" AS ENUM ('almost_no_chance', 'very_unlikely', 'unlikely', 'roughly_even', 'likely', 'very_likely', 'almost_certain');
CREATE TYPE "AnalyticConfidence" AS ENUM ('low', 'moderate', 'high');
CREATE TYPE "HypothesisDisposition" AS ENUM ('open', 'leading', 'rejected');
CREATE TYPE "ReviewState" AS ENUM ('draft', 'in_review', 'changes_requested', 'approved');
CREATE TYPE "AchRatingValue" AS ENUM ('CC', 'C', 'N', 'I', 'II', 'NA');
CREATE TYPE "ReviewDecision" AS ENUM ('pending', 'approved', 'changes_requested', 'withdrawn');

CREATE TABLE "attribution_questions" (
  "id" UUID NOT NULL,
  "case_id" UUID NOT NULL,
  "question" TEXT NOT NULL,
  "conclusion" TEXT NOT NULL DEFAULT '',
  "version" INTEGER NOT NULL DEFAULT 1,
  "created_by_id" UUID NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "attribution_questions_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "attribution_questions_not_blank" CHECK (length(btrim("question")) > 0),
  CONSTRAINT "attribution_questions_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "attribution_questions_case_id_idx" ON "attribution_questions"("case_id");

CREATE TABLE "hypotheses" (
  "id" UUID NOT NULL,
  "case_id" UUID NOT NULL,
  "question_id" UUID NOT NULL,
  "title" TEXT NOT NULL,
  "description" TEXT NOT NULL DEFAULT '',
  "actor_entity_id" UUID,
  "likelihood" "Likelihood",
  "confidence" "AnalyticConfidence",
  "rationale" TEXT NOT NULL DEFAULT '',
  "disposition" "HypothesisDisposition" NOT NULL DEFAULT 'open',
  "rejected_reason" TEXT,
  "review_state" "ReviewState" NOT NULL DEFAULT 'draft',
  "approved_hash" TEXT,
  "version" INTEGER NOT NULL DEFAULT 1,
  "author_id" UUID NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "hypotheses_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "hypotheses_title_not_blank" CHECK (length(btrim("title")) > 0),
  CONSTRAINT "hypotheses_rejection_has_reason" CHECK ("disposition" <> 'rejected' OR length(btrim(coalesce("rejected_reason", ''))) > 0),
  CONSTRAINT "hypotheses_approval_has_hash" CHECK (("review_state" = 'approved') = ("approved_hash" IS NOT NULL)),
  CONSTRAINT "hypotheses_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "hypotheses_question_id_fkey" FOREIGN KEY ("question_id") REFERENCES "attribution_questions"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "hypotheses_actor_entity_id_fkey" FOREIGN KEY ("actor_entity_id") REFERENCES "entities"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT "hypotheses_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "hypotheses_case_id_idx" ON "hypotheses"("case_id");
CREATE INDEX "hypotheses_question_id_idx" ON "hypotheses"("question_id");

CREATE TABLE "hypothesis_versions" (
  "id" UUID NOT NULL,
  "hypothesis_id" UUID NOT NULL,
  "version" INTEGER NOT NULL,
  "snapshot" JSONB NOT NULL,
  "reason" TEXT NOT NULL,
  "changed_by_id" UUID NOT NULL,
  "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "hypothesis_versions_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "hypothesis_versions_hypothesis_id_fkey" FOREIGN KEY ("hypothesis_id") REFERENCES "hypotheses"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "hypothesis_versions_hypothesis_id_version_key" ON "hypothesis_versions"("hypothesis_id", "version");

CREATE TABLE "ach_ratings" (
  "id" UUID NOT NULL,
  "hypothesis_id" UUID NOT NULL,
  "claim_id" UUID NOT NULL,
  "rater_id" UUID NOT NULL,
  "rating" "AchRatingValue" NOT NULL,
  "note" TEXT NOT NULL DEFAULT '',
  "updated_at" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "ach_ratings_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "ach_ratings_hypothesis_id_fkey" FOREIGN KEY ("hypothesis_id") REFERENCES "hypotheses"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "ach_ratings_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "ach_ratings_rater_id_fkey" FOREIGN KEY ("rater_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "ach_ratings_hypothesis_id_claim_id_rater_id_key" ON "ach_ratings"("hypothesis_id", "claim_id", "rater_id");
CREATE INDEX "ach_ratings_claim_id_idx" ON "ach_ratings"("claim_id");

CREATE TABLE "reviews" (
  "id" UUID NOT NULL,
  "case_id" UUID NOT NULL,
  "target_type" TEXT NOT NULL,
  "target_id" UUID NOT NULL,
  "content_hash" TEXT NOT NULL,
  "submitted_by_id" UUID NOT NULL,
  "reviewer_id" UUID,
  "decision" "ReviewDecision" NOT NULL DEFAULT 'pending',
  "comment" TEXT NOT NULL DEFAULT '',
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "decided_at" TIMESTAMPTZ(3),
  CONSTRAINT "reviews_pkey" PRIMARY KEY ("id"),
  -- Two-person integrity, enforced by the database whatever the application does.
  CONSTRAINT "reviews_not_self" CHECK ("reviewer_id" IS NULL OR "reviewer_id" <> "submitted_by_id"),
  CONSTRAINT "reviews_decided_has_reviewer" CHECK ("decision" IN ('pending', 'withdrawn') OR "reviewer_id" IS NOT NULL),
  CONSTRAINT "reviews_target_type" CHECK ("target_type" IN ('hypothesis', 'question')),
  CONSTRAINT "reviews_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "reviews_submitted_by_id_fkey" FOREIGN KEY ("submitted_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "reviews_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "reviews_case_id_decision_idx" ON "reviews"("case_id", "decision");
CREATE INDEX "reviews_target_type_target_id_idx" ON "reviews"("target_type", "target_id");

-- Nobody approves a hypothesis they wrote, even by submitting someone else's edit of it.
CREATE FUNCTION reviews_not_author() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.decision = 'approved' AND NEW.target_type = 'hypothesis'
     AND EXISTS (SELECT 1 FROM hypotheses h WHERE h.id = NEW.target_id AND h.author_id = NEW.reviewer_id) THEN
    RAISE EXCEPTION 'a judgment cannot be approved by its author' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "reviews_not_author" BEFORE INSERT OR UPDATE ON "reviews" FOR EACH ROW EXECUTE FUNCTION reviews_not_author();

CREATE TABLE "review_reads" (
  "review_id" UUID NOT NULL,
  "user_id" UUID NOT NULL,
  "read_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "review_reads_pkey" PRIMARY KEY ("review_id", "user_id"),
  CONSTRAINT "review_reads_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "review_reads_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "comments" (
  "id" UUID NOT NULL,
  "case_id" UUID NOT NULL,
  "target_type" TEXT NOT NULL,
  "target_id" UUID NOT NULL,
  "parent_id" UUID,
  "author_id" UUID NOT NULL,
  "body" TEXT NOT NULL,
  "is_dissent" BOOLEAN NOT NULL DEFAULT false,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "comments_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "comments_body_not_blank" CHECK (length(btrim("body")) > 0),
  CONSTRAINT "comments_target_type" CHECK ("target_type" IN ('hypothesis', 'question', 'claim')),
  CONSTRAINT "comments_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "comments_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "comments_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "comments"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "comments_target_type_target_id_idx" ON "comments"("target_type", "target_id");
CREATE INDEX "comments_case_id_idx" ON "comments"("case_id");

CREATE TABLE "case_presence" (
  "case_id" UUID NOT NULL,
  "user_id" UUID NOT NULL,
  "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "case_presence_pkey" PRIMARY KEY ("case_id", "user_id"),
  CONSTRAINT "case_presence_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "case_presence_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
