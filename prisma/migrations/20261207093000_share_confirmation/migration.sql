-- AlterEnum
-- Shares handed to their sharer (LinkedIn's dialog, copy) start OPENED from now on and count
-- once confirmed. Existing SHARED rows stay SHARED: they keep counting as before.
ALTER TYPE "ShareStatus" ADD VALUE 'OPENED';

-- AlterTable
ALTER TABLE "Share" ADD COLUMN     "confirmedAt" TIMESTAMP(3),
ADD COLUMN     "linkedinImageKey" TEXT,
ADD COLUMN     "linkedinImageUrn" TEXT;
