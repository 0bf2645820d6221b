-- integration_health keeps the sum of the recorded response times, so avg_response_ms is total / checks (rounded half
-- up) instead of a running average of rounded averages, which drifts. Existing rows start from their current average.
ALTER TABLE integration_health ADD COLUMN total_response_ms bigint NOT NULL DEFAULT 0 CHECK (total_response_ms >= 0);
UPDATE integration_health SET total_response_ms = coalesce(avg_response_ms, 0)::bigint * total_checks;
