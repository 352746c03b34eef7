/** A file shared with the bot, downloaded with the bot's token (its private URL needs it). */
export async function downloadSharedFile(file: { url_private_download?: string }, token: string): Promise<Buffer> {
  const response = await fetch(String(file.url_private_download), { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`download answered ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}
