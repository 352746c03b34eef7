-- CreateTable
CREATE TABLE "IssueReport" (
    "id" SERIAL NOT NULL,
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
    "ackDeadlineAt" TIMESTAMP(3),
    "acknowledgedBy" TEXT,
    "acknowledgedAt" TIMESTAMP(3),
    "resolvedBy" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "resolution" TEXT,
    "threadOutboxId" INTEGER,
    "sourceViewId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IssueReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IssueCard" (
    "issueId" INTEGER NOT NULL,
    "outboxId" INTEGER NOT NULL,

    CONSTRAINT "IssueCard_pkey" PRIMARY KEY ("issueId","outboxId")
);

-- CreateTable
CREATE TABLE "IssueCounter" (
    "orgId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "IssueCounter_pkey" PRIMARY KEY ("orgId","year")
);

-- CreateTable
CREATE TABLE "Feedback" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "senderId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "importance" TEXT NOT NULL,
    "senderOutboxId" INTEGER,
    "sourceViewId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedbackRecipient" (
    "feedbackId" INTEGER NOT NULL,
    "recipientId" TEXT NOT NULL,
    "outboxId" INTEGER,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "FeedbackRecipient_pkey" PRIMARY KEY ("feedbackId","recipientId")
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

-- AddForeignKey
ALTER TABLE "IssueCard" ADD CONSTRAINT "IssueCard_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "IssueReport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackRecipient" ADD CONSTRAINT "FeedbackRecipient_feedbackId_fkey" FOREIGN KEY ("feedbackId") REFERENCES "Feedback"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

