#!/usr/bin/env bash
# Generates both Prisma clients offline. env("DATABASE_URL") must resolve at generate time, or
# Prisma falls back to downloading a native engine; the values here are never connected to.
set -euo pipefail
cd "$(dirname "$0")/.."
DATABASE_URL="file:./data/generate-only.db" npx prisma generate --schema prisma/sqlite/schema.prisma
DATABASE_URL="postgresql://generate-only@localhost/none" npx prisma generate --schema prisma/postgres/schema.prisma
