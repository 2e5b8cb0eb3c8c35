-- A document's metadata can be corrected (issue 18): title, publisher, author, published date, and the
-- URL of a pasted or uploaded document. Each edit names the version it read (optimistic concurrency)
-- and is audited with its reason. The capture itself stays frozen: text, hashes, bytes, MIME type, kind,
-- when and by whom — and a URL capture's URL, which is where the bytes were fetched from.
ALTER TABLE "documents" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;

CREATE OR REPLACE FUNCTION documents_freeze_capture() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."text" IS DISTINCT FROM OLD."text"
     OR NEW."sha256" IS DISTINCT FROM OLD."sha256"
     OR NEW."text_sha256" IS DISTINCT FROM OLD."text_sha256"
     OR NEW."retrieved_at" IS DISTINCT FROM OLD."retrieved_at"
     OR (OLD."kind" = 'url' AND NEW."url" IS DISTINCT FROM OLD."url")
     OR NEW."mime_type" IS DISTINCT FROM OLD."mime_type"
     OR NEW."kind" IS DISTINCT FROM OLD."kind"
     OR NEW."size_bytes" IS DISTINCT FROM OLD."size_bytes"
     OR NEW."original_name" IS DISTINCT FROM OLD."original_name"
     OR NEW."case_id" IS DISTINCT FROM OLD."case_id"
     OR NEW."added_by_id" IS DISTINCT FROM OLD."added_by_id"
     OR NEW."created_at" IS DISTINCT FROM OLD."created_at" THEN
    RAISE EXCEPTION 'captured document text, hashes and provenance (a captured URL, MIME type, kind) are immutable' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
