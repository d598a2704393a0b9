-- AlterTable
ALTER TABLE "User" ADD COLUMN     "networkSize" INTEGER;
