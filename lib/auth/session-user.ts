import { getToken } from "next-auth/jwt";
import { env } from "@/lib/env";

/**
 * The signed-in user's id from the Auth.js session cookie (an encrypted JWT), or null.
 * Reads only the cookie — never a bearer header — and works for pages and route handlers alike.
 */
export async function readSessionUserId(headers: Headers): Promise<string | null> {
  const cookie = headers.get("cookie");
  const secret = env().AUTH_SECRET;
  if (!cookie || !secret) return null;
  const req = { headers: new Headers({ cookie }) };
  for (const secureCookie of [true, false]) {
    const token = await getToken({ req, secret, secureCookie });
    if (token && typeof token.uid === "string") return token.uid;
  }
  return null;
}
