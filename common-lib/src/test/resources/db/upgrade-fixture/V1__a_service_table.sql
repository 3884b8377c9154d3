-- A service's own first migration, for the upgrade test of common-lib's migrations.
CREATE TABLE upgrade_fixture_thing (id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL);
