-- CreateTable
CREATE TABLE "IssueReport" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orgId" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "reporterId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "handlerId" TEXT NOT NULL,
    "assigneeId" TEXT,
    "escalationLevel" INTEGER NOT NULL DEFAULT 0,
    "ackDeadlineAt" DATETIME,
    "acknowledgedBy" TEXT,
    "acknowledgedAt" DATETIME,
    "resolvedBy" TEXT,
    "resolvedAt" DATETIME,
    "resolution" TEXT,
    "threadOutboxId" INTEGER,
    "sourceViewId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "IssueCard" (
    "issueId" INTEGER NOT NULL,
    "outboxId" INTEGER NOT NULL,

    PRIMARY KEY ("issueId", "outboxId"),
    CONSTRAINT "IssueCard_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "IssueReport" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IssueCounter" (
    "orgId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    PRIMARY KEY ("orgId", "year")
);

-- CreateTable
CREATE TABLE "Feedback" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orgId" INTEGER NOT NULL,
    "senderId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "importance" TEXT NOT NULL,
    "senderOutboxId" INTEGER,
    "sourceViewId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "FeedbackRecipient" (
    "feedbackId" INTEGER NOT NULL,
    "recipientId" TEXT NOT NULL,
    "outboxId" INTEGER,
    "readAt" DATETIME,

    PRIMARY KEY ("feedbackId", "recipientId"),
    CONSTRAINT "FeedbackRecipient_feedbackId_fkey" FOREIGN KEY ("feedbackId") REFERENCES "Feedback" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "IssueReport_sourceViewId_key" ON "IssueReport"("sourceViewId");

-- CreateIndex
CREATE INDEX "IssueReport_orgId_status_ackDeadlineAt_idx" ON "IssueReport"("orgId", "status", "ackDeadlineAt");

-- CreateIndex
CREATE INDEX "IssueReport_orgId_reporterId_idx" ON "IssueReport"("orgId", "reporterId");

-- CreateIndex
CREATE INDEX "IssueReport_orgId_createdAt_idx" ON "IssueReport"("orgId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "IssueReport_orgId_number_key" ON "IssueReport"("orgId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "IssueReport_orgId_year_seq_key" ON "IssueReport"("orgId", "year", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "Feedback_sourceViewId_key" ON "Feedback"("sourceViewId");

-- CreateIndex
CREATE INDEX "Feedback_orgId_createdAt_idx" ON "Feedback"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "FeedbackRecipient_outboxId_idx" ON "FeedbackRecipient"("outboxId");

