-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "SimulatorClock" (
    "id" INTEGER NOT NULL,
    "now" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SimulatorClock_pkey" PRIMARY KEY ("id")
);
