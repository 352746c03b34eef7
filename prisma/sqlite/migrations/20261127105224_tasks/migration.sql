-- CreateTable
CREATE TABLE "Task" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orgId" INTEGER NOT NULL,
    "assignerId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "dueDate" TEXT NOT NULL,
    "checklist" TEXT NOT NULL DEFAULT '[]',
    "scope" TEXT NOT NULL,
    "scopeOf" TEXT NOT NULL,
    "cardOutboxId" INTEGER,
    "origin" TEXT NOT NULL DEFAULT '',
    "sourceViewId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "TaskAssignment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "taskId" INTEGER NOT NULL,
    "orgId" INTEGER NOT NULL,
    "assigneeId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "finishedAt" DATETIME,
    "cardOutboxId" INTEGER,
    "remindAt" DATETIME NOT NULL,
    "overdueAt" DATETIME NOT NULL,
    "escalateAt" DATETIME NOT NULL,
    "remindedAt" DATETIME,
    "overdueSentAt" DATETIME,
    "escalatedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TaskAssignment_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TaskComment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "taskId" INTEGER NOT NULL,
    "assignmentId" INTEGER NOT NULL,
    "authorId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sourceViewId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ResearchResult" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orgId" INTEGER NOT NULL,
    "taskId" INTEGER NOT NULL,
    "authorId" TEXT NOT NULL,
    "competitor" TEXT NOT NULL,
    "competitorKey" TEXT NOT NULL,
    "location" TEXT NOT NULL,
    "priceRange" TEXT NOT NULL,
    "promotions" TEXT NOT NULL,
    "salesSpeed" TEXT NOT NULL,
    "customerProfile" TEXT NOT NULL,
    "notes" TEXT NOT NULL,
    "sourceViewId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN "tasks" TEXT NOT NULL DEFAULT '{}';

-- CreateIndex
CREATE UNIQUE INDEX "Task_sourceViewId_key" ON "Task"("sourceViewId");

-- CreateIndex
CREATE INDEX "Task_orgId_assignerId_createdAt_idx" ON "Task"("orgId", "assignerId", "createdAt");

-- CreateIndex
CREATE INDEX "TaskAssignment_orgId_assigneeId_status_idx" ON "TaskAssignment"("orgId", "assigneeId", "status");

-- CreateIndex
CREATE INDEX "TaskAssignment_orgId_status_remindAt_idx" ON "TaskAssignment"("orgId", "status", "remindAt");

-- CreateIndex
CREATE INDEX "TaskAssignment_orgId_status_overdueAt_idx" ON "TaskAssignment"("orgId", "status", "overdueAt");

-- CreateIndex
CREATE INDEX "TaskAssignment_orgId_status_escalateAt_idx" ON "TaskAssignment"("orgId", "status", "escalateAt");

-- CreateIndex
CREATE UNIQUE INDEX "TaskAssignment_taskId_assigneeId_key" ON "TaskAssignment"("taskId", "assigneeId");

-- CreateIndex
CREATE UNIQUE INDEX "TaskComment_sourceViewId_key" ON "TaskComment"("sourceViewId");

-- CreateIndex
CREATE INDEX "TaskComment_taskId_idx" ON "TaskComment"("taskId");

-- CreateIndex
CREATE UNIQUE INDEX "ResearchResult_sourceViewId_key" ON "ResearchResult"("sourceViewId");

-- CreateIndex
CREATE INDEX "ResearchResult_orgId_competitorKey_idx" ON "ResearchResult"("orgId", "competitorKey");

-- CreateIndex
CREATE INDEX "ResearchResult_orgId_createdAt_idx" ON "ResearchResult"("orgId", "createdAt");

