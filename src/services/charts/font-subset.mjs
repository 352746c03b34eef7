// A TrueType font cut down to the glyphs one chart uses: resvg's cost per label grows with the font
// file's size (about 25 ms a label with the 7 MB Noto Sans TC on a busy machine; this one is ~370 KB).
// Glyph ids, cmap and metrics stay as they are; the outlines of every glyph not used are left empty.

/** The table directory of a TrueType font: tag → { offset, length }. */
function tablesOf(font) {
  const tables = new Map();
  for (let i = 0; i < font.readUInt16BE(4); i += 1) {
    const at = 12 + i * 16;
    tables.set(font.toString('latin1', at, at + 4), {
      offset: font.readUInt32BE(at + 8),
      length: font.readUInt32BE(at + 12),
    });
  }
  return tables;
}

/** The Unicode → glyph id lookup of the font's cmap (format 12, else format 4). */
function glyphLookup(font, tables) {
  const cmap = tables.get('cmap').offset;
  const subtables = Array.from({ length: font.readUInt16BE(cmap + 2) }, (_, i) => ({
    platform: font.readUInt16BE(cmap + 4 + i * 8),
    encoding: font.readUInt16BE(cmap + 6 + i * 8),
    at: cmap + font.readUInt32BE(cmap + 8 + i * 8),
  }));
  const full = subtables.find((s) => s.platform === 3 && s.encoding === 10 && font.readUInt16BE(s.at) === 12);
  if (full) {
    const groups = font.readUInt32BE(full.at + 12);
    return (code) => {
      for (let g = 0; g < groups; g += 1) {
        const at = full.at + 16 + g * 12;
        const start = font.readUInt32BE(at);
        if (code >= start && code <= font.readUInt32BE(at + 4)) return font.readUInt32BE(at + 8) + code - start;
      }
      return 0;
    };
  }
  const bmp = subtables.find((s) => s.platform === 3 && s.encoding === 1 && font.readUInt16BE(s.at) === 4);
  if (!bmp) throw new Error('font without a Unicode cmap');
  const segments = font.readUInt16BE(bmp.at + 6) / 2;
  const ends = bmp.at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const ranges = deltas + segments * 2;
  return (code) => {
    for (let s = 0; s < segments; s += 1) {
      if (code > font.readUInt16BE(ends + s * 2)) continue;
      const start = font.readUInt16BE(starts + s * 2);
      if (code < start) return 0;
      const delta = font.readInt16BE(deltas + s * 2);
      const range = font.readUInt16BE(ranges + s * 2);
      if (range === 0) return (code + delta) & 0xffff;
      const glyph = font.readUInt16BE(ranges + s * 2 + range + (code - start) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

/** Prepares a font for subsetting: read once, then `subset(text)` is quick. */
export function fontSubsetter(font) {
  const tables = tablesOf(font);
  const glyphOf = glyphLookup(font, tables);
  const glyf = tables.get('glyf').offset;
  const loca = tables.get('loca').offset;
  const long = font.readInt16BE(tables.get('head').offset + 50) === 1;
  const glyphCount = font.readUInt16BE(tables.get('maxp').offset + 4);
  const place = (id) => (long ? font.readUInt32BE(loca + id * 4) : font.readUInt16BE(loca + id * 2) * 2);
  /** A glyph and, for a composite one, the glyphs it is built from. */
  const withParts = (id, into) => {
    if (into.has(id) || id >= glyphCount) return;
    into.add(id);
    const start = glyf + place(id);
    if (place(id + 1) === place(id) || font.readInt16BE(start) >= 0) return;
    let at = start + 10;
    for (;;) {
      const flags = font.readUInt16BE(at);
      withParts(font.readUInt16BE(at + 2), into);
      at += 4 + (flags & 1 ? 4 : 2) + (flags & 8 ? 2 : flags & 0x40 ? 4 : flags & 0x80 ? 8 : 0);
      if (!(flags & 0x20)) break;
    }
  };
  return (text) => {
    const used = new Set();
    withParts(0, used);
    for (const char of new Set(text)) withParts(glyphOf(char.codePointAt(0)), used);
    const pieces = [];
    const newLoca = Buffer.alloc((glyphCount + 1) * 4);
    let offset = 0;
    for (let id = 0; id < glyphCount; id += 1) {
      newLoca.writeUInt32BE(offset, id * 4);
      if (!used.has(id)) continue;
      const data = font.subarray(glyf + place(id), glyf + place(id + 1));
      const padded = Buffer.alloc(data.length + ((4 - (data.length % 4)) % 4));
      data.copy(padded);
      pieces.push(padded);
      offset += padded.length;
    }
    newLoca.writeUInt32BE(offset, glyphCount * 4);
    return rebuild(font, tables, { glyf: Buffer.concat(pieces), loca: newLoca });
  };
}

/** The font with some tables replaced (loca always in the long format, as head then says). */
function rebuild(font, tables, replaced) {
  const tags = [...tables.keys()];
  const header = Buffer.alloc(12 + tags.length * 16);
  font.copy(header, 0, 0, 12);
  const parts = [header];
  let offset = header.length;
  tags.forEach((tag, i) => {
    const { offset: from, length } = tables.get(tag);
    let data = replaced[tag] ?? font.subarray(from, from + length);
    if (tag === 'head') {
      data = Buffer.from(data);
      data.writeInt16BE(1, 50);
    }
    const at = 12 + i * 16;
    font.copy(header, at, 12 + i * 16, 12 + i * 16 + 8); // tag and checksum as they were
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(data.length, at + 12);
    const padding = Buffer.alloc((4 - (data.length % 4)) % 4);
    parts.push(data, padding);
    offset += data.length + padding.length;
  });
  return Buffer.concat(parts);
}
