#!/usr/bin/env bash
# Until the first release the schema is one Initial migration per engine, regenerated from the model.
# SQLite's migrations belong to GrantsDbContext, PostgreSQL's to PostgreSqlGrantsDbContext (design-time factories;
# no database is contacted).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
rm -rf src/Grants/Infrastructure/Migrations
dotnet build src/Grants -v q -nologo >/dev/null
dotnet ef migrations add Initial --no-build --project src/Grants --context GrantsDbContext \
  --output-dir Infrastructure/Migrations/Sqlite
dotnet ef migrations add Initial --no-build --project src/Grants --context PostgreSqlGrantsDbContext \
  --output-dir Infrastructure/Migrations/PostgreSql
