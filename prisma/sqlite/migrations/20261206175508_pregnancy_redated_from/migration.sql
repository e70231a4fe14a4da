-- AlterTable
ALTER TABLE "Pregnancy" ADD COLUMN "redatedFrom" TEXT;
ALTER TABLE "Pregnancy" ADD COLUMN "redatedOn" TEXT;
