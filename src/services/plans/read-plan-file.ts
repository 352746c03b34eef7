import JSZip from 'jszip';

/** The files a plan may be uploaded as: Markdown (or plain text) and Word's DOCX. */
export const isPlanFileName = (name: string): boolean => /\.(md|markdown|docx)$/i.test(name);

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return XML_ENTITIES[name] ?? whole;
  });

/**
 * A plan file's text: Markdown as it is; a DOCX's paragraphs (word/document.xml, read with JSZip), one
 * line each, the text of their runs joined. Empty when nothing can be read.
 */
export async function readPlanFile(name: string, bytes: Buffer): Promise<string> {
  if (!/\.docx$/i.test(name)) return bytes.toString('utf8');
  try {
    const zip = await JSZip.loadAsync(bytes);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    return xml
      .split(/<\/w:p>/)
      .map((p) =>
        unescapeXml([...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((m) => m[1] ?? '\t').join('')),
      )
      .join('\n')
      .trim();
  } catch {
    return '';
  }
}
