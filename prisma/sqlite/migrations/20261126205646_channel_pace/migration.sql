-- CreateTable
CREATE TABLE "ChannelPace" (
    "channel" TEXT NOT NULL PRIMARY KEY,
    "freeAt" DATETIME NOT NULL
);

