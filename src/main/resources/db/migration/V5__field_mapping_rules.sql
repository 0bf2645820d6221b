-- Field mappings and templates (issue 4, item 6): the database keeps the rules the API validates on write, so a row
-- written by any other path cannot hold a transform the service does not know. RLS of V3 is unchanged.

ALTER TABLE field_mappings
  ADD CONSTRAINT field_mappings_transform_check
    CHECK (transform IN ('NONE', 'RENAME', 'TRIM', 'LOWERCASE', 'UPPERCASE', 'NUMBER', 'DATE', 'DEFAULT',
                         'CONSTANT', 'CONCAT', 'LOOKUP')),
  ADD CONSTRAINT field_mappings_transform_config_check CHECK (jsonb_typeof(transform_config) = 'object'),
  ADD CONSTRAINT field_mappings_position_check CHECK (position >= 0);

ALTER TABLE field_mapping_templates
  ADD CONSTRAINT field_mapping_templates_mappings_check CHECK (jsonb_typeof(mappings) = 'array');

-- At most one default template per integration type and tenant; setting a new default clears the previous one.
CREATE UNIQUE INDEX field_mapping_templates_default_key
  ON field_mapping_templates (tenant_id, integration_type) WHERE is_default;
