-- Entities get optimistic concurrency like cases, sources, claims and hypotheses: an edit names the
-- version it started from, and a save over a newer version is refused (409) instead of silently
-- overwriting a colleague's change. Existing rows start at version 1.
ALTER TABLE "entities" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
