-- One database per data-owning service (docs/conventions.md: <SVC>_DB_NAME defaults).
-- Run by the postgres image on its first start (empty volume) in docker-compose.yml;
-- infra/local/mita creates the same databases on a local server.
CREATE DATABASE mita_auth;
CREATE DATABASE mita_budget;
CREATE DATABASE mita_ocr;
CREATE DATABASE mita_insights;
CREATE DATABASE mita_notification;
CREATE DATABASE mita_audit;
