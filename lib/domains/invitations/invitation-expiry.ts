/**
 * How many days an invitation stays valid unless the admin picks otherwise (invite links have a
 * field for it): an email invitation from the invite panel and one from a CSV import alike, and
 * the panel's and the import page's texts say this number. Browser-safe.
 */
export const INVITATION_EXPIRY_DAYS = 14;
