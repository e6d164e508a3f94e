#!/usr/bin/env bash
# Until the first release the schema is one Initial migration, regenerated from the model.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
rm -rf src/Grants/Infrastructure/Migrations
dotnet ef migrations add Initial --project src/Grants --output-dir Infrastructure/Migrations
