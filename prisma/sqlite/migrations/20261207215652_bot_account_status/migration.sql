-- AlterTable
ALTER TABLE "SendAccount" ADD COLUMN "countyId" TEXT;
ALTER TABLE "SendAccount" ADD COLUMN "dailyCap" INTEGER;
ALTER TABLE "SendAccount" ADD COLUMN "loginDetail" TEXT;
ALTER TABLE "SendAccount" ADD COLUMN "loginState" TEXT;
ALTER TABLE "SendAccount" ADD COLUMN "loginStateAt" DATETIME;
ALTER TABLE "SendAccount" ADD COLUMN "seenAt" DATETIME;
ALTER TABLE "SendAccount" ADD COLUMN "throttledUntil" DATETIME;
