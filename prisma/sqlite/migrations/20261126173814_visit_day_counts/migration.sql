-- CreateTable
CREATE TABLE "VisitDayCount" (
    "orgId" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "grade" TEXT NOT NULL,
    "visitType" TEXT NOT NULL,
    "filerId" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("orgId", "day", "source", "grade", "visitType", "filerId")
);

