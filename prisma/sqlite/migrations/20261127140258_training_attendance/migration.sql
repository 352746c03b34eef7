-- AlterTable
ALTER TABLE "TaskAssignment" ADD COLUMN "attendance" TEXT;
ALTER TABLE "TaskAssignment" ADD COLUMN "attendanceAt" DATETIME;
ALTER TABLE "TaskAssignment" ADD COLUMN "attendanceBy" TEXT;
ALTER TABLE "TaskAssignment" ADD COLUMN "mark" TEXT;

