import { env } from "@/lib/core/env";
import { AppError, badRequest } from "@/lib/core/errors/app-error";
import { parseAllowList } from "@/lib/core/net/is-refused-address";
import {
  resolveLinkTarget,
  resolveWithDns,
  type ResolveHost,
} from "@/lib/core/net/resolve-link-target";

const LOOKUP_TIMEOUT_MS = 2000;

/**
 * Links shared with the world must lead to the public web: a link whose host is, or resolves to,
 * a private, loopback or link-local address is refused (unless LINK_PREVIEW_ALLOWED_HOSTS lists
 * it). A host that cannot be resolved right now is accepted: it may simply not exist yet.
 */
export async function assertPublicLink(
  link: string,
  { resolveHost = resolveWithDns }: { resolveHost?: ResolveHost } = {},
): Promise<void> {
  const allowList = parseAllowList(env().LINK_PREVIEW_ALLOWED_HOSTS);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), LOOKUP_TIMEOUT_MS);
  });
  try {
    await Promise.race([
      resolveLinkTarget(new URL(link), { allowList, resolveHost, redirected: false }),
      timeout,
    ]);
  } catch (error) {
    if (error instanceof AppError && error.message.includes("private or local network")) {
      throw badRequest(
        "The link points to a private or local network address. Use a public web address.",
        {
          linkUrl: "Not a public address.",
        },
      );
    }
    // Unknown host or DNS trouble: nothing says the address is private.
  } finally {
    clearTimeout(timer);
  }
}
