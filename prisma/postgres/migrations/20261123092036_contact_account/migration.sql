-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "account" TEXT NOT NULL DEFAULT 'default';
