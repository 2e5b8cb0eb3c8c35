-- Quick-jump palette: a claim is found by the start of its statement. This index answers
-- "claims of these cases whose statement starts with …" with one short range scan per case, instead
-- of reading every statement of the analyst's cases (8,000 at 100,000 documents).
CREATE INDEX "claims_case_statement_prefix_idx" ON "claims" ("case_id", (left(lower("statement"), 200)) text_pattern_ops);
