import { startOidcServer } from "../../support/oidc-server";
import { E2E } from "../e2e-config";

const server = await startOidcServer({ port: E2E.oidcPort, appUrl: E2E.appUrl });
console.log(`test identity provider on ${server.issuer}`);
const stop = () => server.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
