-- Markers written before clicks were counted incrementally: their clicks were never added to the
-- rollups (the old job recounted each marked day), so these days are recounted once, clicks too.
UPDATE "RollupDirty" SET "recountClicks" = true;
