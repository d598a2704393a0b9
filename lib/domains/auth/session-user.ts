import { getToken } from "next-auth/jwt";
import { db } from "@/lib/core/db/client";
import { env } from "@/lib/core/env";

/**
 * The signed-in user's id from the Auth.js session cookie (an encrypted JWT), or null. Reads only
 * the cookie — never a bearer header — and works for pages and route handlers alike. A session
 * issued before the user's sessions were ended (a bumped `sessionVersion`) no longer counts.
 */
export async function readSessionUserId(headers: Headers): Promise<string | null> {
  const cookie = headers.get("cookie");
  const secret = env().AUTH_SECRET;
  if (!cookie || !secret) return null;
  const req = { headers: new Headers({ cookie }) };
  for (const secureCookie of [true, false]) {
    const token = await getToken({ req, secret, secureCookie });
    if (token && typeof token.uid === "string") {
      const user = await db.user.findUnique({
        where: { id: token.uid },
        select: { sessionVersion: true },
      });
      const version = typeof token.sv === "number" ? token.sv : 0;
      return user && user.sessionVersion === version ? token.uid : null;
    }
  }
  return null;
}
