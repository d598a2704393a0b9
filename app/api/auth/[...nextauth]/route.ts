import { handlers } from "@/lib/domains/auth/auth";
import { guardAuthHandler } from "@/lib/domains/auth/auth-route-input";

// Unparseable callback URLs never reach Auth.js (it would answer 500); its 4xx become readable.
const guarded = { GET: guardAuthHandler(handlers.GET), POST: guardAuthHandler(handlers.POST) };

export const { GET, POST } = guarded;
