-- AlterTable
ALTER TABLE "SendAccount" ADD COLUMN     "countyId" TEXT,
ADD COLUMN     "dailyCap" INTEGER,
ADD COLUMN     "loginDetail" TEXT,
ADD COLUMN     "loginState" TEXT,
ADD COLUMN     "loginStateAt" TIMESTAMP(3),
ADD COLUMN     "seenAt" TIMESTAMP(3),
ADD COLUMN     "throttledUntil" TIMESTAMP(3);
