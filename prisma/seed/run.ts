/**
 * `npm run db:seed`: seed the demo organisation into the database (DATABASE_URL, else the embedded
 * one). Skips when the demo organisation already exists.
 */
import path from "node:path";
import { connectOrStartEmbedded } from "@/scripts/db/embedded-postgres";
import { DEMO_ORG_SLUG } from "@/lib/domains/demo/demo-accounts";
import { parseEnv } from "@/lib/core/env";
import { seedDemo } from "./seed-demo";

const root = path.resolve(import.meta.dirname, "../..");
for (const file of [".env.local", ".env"]) {
  try {
    process.loadEnvFile(path.join(root, file));
  } catch {
    // optional file
  }
}

const config = parseEnv(process.env);
const embedded = config.DATABASE_URL
  ? null
  : await connectOrStartEmbedded(path.resolve(root, config.EMBEDDED_DB_DIR));
if (embedded) process.env.DATABASE_URL = embedded.url;

const { getDb, disconnectDb } = await import("@/lib/core/db/client");
const db = getDb();
try {
  if (await db.organization.findUnique({ where: { slug: DEMO_ORG_SLUG } })) {
    console.log(
      "The demo organisation already exists; nothing to do (npm run db:reset -- --seed rebuilds it).",
    );
  } else {
    console.log("Seeding the demo organisation…");
    await seedDemo(db);
    console.log("Done.");
  }
} finally {
  await disconnectDb();
  await embedded?.stop();
}
process.exit(0);
