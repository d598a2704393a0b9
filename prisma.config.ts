import path from "node:path";
import { defineConfig } from "prisma/config";

// `prisma generate` / `validate` / `format` only check that a schema-engine binary exists; they never
// run it. Point the CLI at a stub so it does not try to download one (air-gapped installs cannot).
// Migrations go through scripts/db (the wasm build of the same engine). A user with internet access
// can unset this and use the official CLI on the same prisma/migrations folder.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(
  import.meta.dirname,
  "scripts/db/no-schema-engine.sh",
);

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/chorus" },
});
