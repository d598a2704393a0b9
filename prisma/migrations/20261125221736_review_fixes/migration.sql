-- DropForeignKey
ALTER TABLE "Share" DROP CONSTRAINT "Share_itemId_fkey";

-- AlterTable
ALTER TABLE "ContentItem" ADD COLUMN     "lastEditedById" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- AddForeignKey
ALTER TABLE "Share" ADD CONSTRAINT "Share_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ContentItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
