-- integration_health.recent_outcomes holds the sliding window of outcomes under a key ({"window": [true, false]}),
-- because the ORM maps jsonb columns to objects; existing array values are wrapped.
ALTER TABLE integration_health ALTER COLUMN recent_outcomes SET DEFAULT '{"window": []}'::jsonb;
UPDATE integration_health SET recent_outcomes = jsonb_build_object('window', recent_outcomes)
 WHERE jsonb_typeof(recent_outcomes) = 'array';
