-- AlterTable
ALTER TABLE "TaskAssignment" ADD COLUMN     "attendance" TEXT,
ADD COLUMN     "attendanceAt" TIMESTAMP(3),
ADD COLUMN     "attendanceBy" TEXT,
ADD COLUMN     "mark" TEXT;

