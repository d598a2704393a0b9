/** Queue names and retry settings of the email domain (no imports: the job registry reads them). */
export const EMAIL_SEND = "email-send";
export const EMAIL_DIGEST = "email-digest";
/** Attempts of one delivery before it is FAILED: 1 + EMAIL_RETRY_LIMIT. */
export const EMAIL_RETRY_LIMIT = 5;
