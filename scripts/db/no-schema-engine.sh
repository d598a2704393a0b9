#!/bin/sh
# Chorus does not use Prisma's native schema-engine binary (it is downloaded from the internet,
# which air-gapped installs cannot reach). Migrations run on the wasm build of the same engine:
echo "Chorus: use 'npm run db:migrate', 'db:deploy', 'db:status' or 'db:reset' (see README)." >&2
exit 1
