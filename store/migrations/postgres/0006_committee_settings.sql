-- +goose Up
-- Every committee (an org of kind committee) is its own issuing body with its own settings
-- (masthead, place, numbering, signer, briefing, days off), as JSON. The installation-wide
-- row of settings keeps only what is global (mail, security). An installation upgraded from
-- one settings row gives its committees at the root those settings; committees below them
-- start from the defaults of their own name, never from another committee's masthead. The
-- copy leaves out the global fields (mail with its password, second factor).
CREATE TABLE committee_settings (
    org_id     BIGINT PRIMARY KEY REFERENCES orgs(id),
    value      TEXT    NOT NULL,
    version    BIGINT NOT NULL DEFAULT 1,
    updated_at BIGINT NOT NULL
);
INSERT INTO committee_settings (org_id, value, version, updated_at)
SELECT o.id, (s.value::jsonb - 'SMTP' - 'RequireTOTP')::text, 1, s.updated_at FROM orgs o, settings s
WHERE s.key = 'settings' AND o.kind = 'committee' AND o.parent_id IS NULL;

-- +goose Down
DROP TABLE committee_settings;
