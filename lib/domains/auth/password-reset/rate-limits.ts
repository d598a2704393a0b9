import type { RateLimitRule } from "@/lib/core/rate-limit/consume-rate-limit";

const WINDOW_SECONDS = 15 * 60;

/** Reset links asked for one email address (whether or not it has an account). */
export const RESET_REQUESTS_PER_EMAIL = 5;
/** Reset links asked for from one client address, across email addresses. */
export const RESET_REQUESTS_PER_IP = 20;
/** New passwords submitted with a link from one client address. */
export const RESET_ATTEMPTS_PER_IP = 10;

export function resetRequestIpRule(ip: string): RateLimitRule {
  return { key: `pwreset:ip:${ip}`, limit: RESET_REQUESTS_PER_IP, windowSeconds: WINDOW_SECONDS };
}

export function resetRequestEmailRule(email: string): RateLimitRule {
  return {
    key: `pwreset:email:${email}`,
    limit: RESET_REQUESTS_PER_EMAIL,
    windowSeconds: WINDOW_SECONDS,
  };
}

export function resetAttemptIpRule(ip: string): RateLimitRule {
  return {
    key: `pwreset:attempt:ip:${ip}`,
    limit: RESET_ATTEMPTS_PER_IP,
    windowSeconds: WINDOW_SECONDS,
  };
}
