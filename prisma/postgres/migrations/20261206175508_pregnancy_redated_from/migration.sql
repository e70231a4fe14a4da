-- AlterTable
ALTER TABLE "Pregnancy" ADD COLUMN     "redatedFrom" TEXT,
ADD COLUMN     "redatedOn" TEXT;
