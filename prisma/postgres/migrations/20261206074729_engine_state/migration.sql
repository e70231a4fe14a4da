-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "engineJson" TEXT NOT NULL DEFAULT '{}';
