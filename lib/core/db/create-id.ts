import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export type IdPrefix =
  | "org"
  | "ssod" // SSO email domain
  | "usr"
  | "acc"
  | "mem"
  | "team"
  | "loc"
  | "top" // topic
  | "src" // content source (feed, sitemap)
  | "sen" // source entry (inbox)
  | "inv"
  | "pwr" // password reset token
  | "aud"
  | "cnt" // content item
  | "cmp" // campaign
  | "cap" // caption
  | "ctr" // content translation
  | "ctt" // content transition
  | "apg" // approval stage
  | "cas" // content approval step
  | "img" // content image
  | "sug" // suggestion
  | "shr" // share
  | "rem" // share-later reminder
  | "clk" // click event
  | "cnv" // conversion
  | "key" // API key
  | "lic" // LinkedIn connection
  | "las" // LinkedIn auth state
  | "ntf" // notification
  | "eml" // email delivery
  | "whk" // webhook endpoint
  | "whd" // webhook delivery
  | "dwh" // developer webhook
  | "dwd" // developer webhook delivery
  | "msg" // developer webhook message (the webhook-id header)
  | "psb" // push subscription
  | "psd" // push delivery
  | "aic" // AI call
  | "con" // connector connection
  | "cnr" // connector record
  | "sct"; // SCIM token

/** Random base62 string; rejection sampling keeps every character uniformly likely. */
export function randomString(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

/** Ids are made in app code with a readable prefix: `org_3kTz…` reads well in logs and URLs. */
export function createId(prefix: IdPrefix): string {
  return `${prefix}_${randomString(20)}`;
}
