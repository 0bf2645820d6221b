-- integration_health.recent_outcomes holds the sliding window of outcomes under a key ({"window": [true, false]}),
-- because the ORM maps jsonb columns to objects; existing array values are wrapped.
ALTER TABLE integration_health ALTER COLUMN recent_outcomes SET DEFAULT '{"window": []}'::jsonb;
UPDATE integration_health SET recent_outcomes = jsonb_build_object('window', recent_outcomes)
 WHERE jsonb_typeof(recent_outcomes) = 'array';

-- The masked form of the stored access token, shown instead of the token (like connections.credential_mask).
ALTER TABLE oauth_tokens ADD COLUMN access_token_mask text CHECK (length(access_token_mask) <= 16);
