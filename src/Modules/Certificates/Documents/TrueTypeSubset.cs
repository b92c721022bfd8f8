using System.Buffers.Binary;

namespace Assessment.Certificates.Documents;

/// <summary>
/// Cuts a glyf-based TrueType font down to the glyphs a document uses. SkiaSharp's PDF backend embeds fonts whole (its
/// native build lacks Skia's HarfBuzz subsetter), and the Kai face is 15 MB; handing Skia this subset instead keeps a
/// certificate at tens of kilobytes. Glyph ids stay as they are: unused glyphs just lose their outlines and metrics, so
/// text measured with the full font lays out identically with the subset.
/// </summary>
internal static class TrueTypeSubset
{
    private static readonly string[] Kept = ["OS/2", "cvt ", "fpgm", "gasp", "head", "hhea", "maxp", "name", "prep"];

    /// <param name="font">The whole font file (a single TrueType font, not a collection or CFF font).</param>
    /// <param name="cmap">The characters to keep, each with its glyph id in <paramref name="font"/>.</param>
    /// <returns>A font file with those characters' outlines only (plus .notdef and composite glyph parts).</returns>
    /// <exception cref="NotSupportedException">The font is not a glyf-based TrueType font.</exception>
    public static byte[] Create(byte[] font, IReadOnlyDictionary<int, ushort> cmap)
    {
        var version = BinaryPrimitives.ReadUInt32BigEndian(font);
        if (version != 0x00010000 && version != 0x74727565) // 'true'
            throw new NotSupportedException("Only glyf-based TrueType fonts can be subset.");
        var tables = new Dictionary<string, (int Offset, int Length)>();
        int count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        for (var i = 0; i < count; i++)
        {
            var record = font.AsSpan(12 + 16 * i, 16);
            var tag = System.Text.Encoding.ASCII.GetString(record[..4]);
            tables[tag] = ((int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]), (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
        }
        foreach (var required in (string[])["head", "hhea", "maxp", "hmtx", "loca", "glyf"])
            if (!tables.ContainsKey(required))
                throw new NotSupportedException($"The font has no '{required}' table.");
        ReadOnlySpan<byte> Table(string tag) => font.AsSpan(tables[tag].Offset, tables[tag].Length);

        int glyphs = BinaryPrimitives.ReadUInt16BigEndian(Table("maxp")[4..]);
        var longLoca = BinaryPrimitives.ReadInt16BigEndian(Table("head")[50..]) == 1;
        var loca = Table("loca");
        var starts = new int[glyphs + 1];
        for (var glyph = 0; glyph <= glyphs; glyph++)
            starts[glyph] = longLoca
                ? (int)BinaryPrimitives.ReadUInt32BigEndian(loca[(4 * glyph)..])
                : 2 * BinaryPrimitives.ReadUInt16BigEndian(loca[(2 * glyph)..]);
        var glyf = Table("glyf");

        // the glyphs to keep: .notdef, the characters' glyphs and, transitively, the parts of composite glyphs
        var keep = new bool[glyphs];
        var pending = new Stack<int>([0, .. cmap.Values.Select(g => (int)g)]);
        while (pending.Count > 0)
        {
            var glyph = pending.Pop();
            if (glyph >= glyphs || keep[glyph])
                continue;
            keep[glyph] = true;
            var (start, end) = (starts[glyph], starts[glyph + 1]);
            if (end - start < 10 || BinaryPrimitives.ReadInt16BigEndian(glyf[start..]) >= 0)
                continue;
            for (var at = start + 10; ;)
            {
                var flags = BinaryPrimitives.ReadUInt16BigEndian(glyf[at..]);
                pending.Push(BinaryPrimitives.ReadUInt16BigEndian(glyf[(at + 2)..]));
                at += 4 + ((flags & 0x0001) != 0 ? 4 : 2)            // ARG_1_AND_2_ARE_WORDS
                    + ((flags & 0x0008) != 0 ? 2 : 0)                   // WE_HAVE_A_SCALE
                    + ((flags & 0x0040) != 0 ? 4 : 0)                   // WE_HAVE_AN_X_AND_Y_SCALE
                    + ((flags & 0x0080) != 0 ? 8 : 0);                  // WE_HAVE_A_TWO_BY_TWO
                if ((flags & 0x0020) == 0)                              // MORE_COMPONENTS
                    break;
            }
        }

        // glyf and (long) loca: kept outlines, empty glyphs elsewhere
        var newGlyf = new MemoryStream();
        var newLoca = new byte[4 * (glyphs + 1)];
        for (var glyph = 0; glyph < glyphs; glyph++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(4 * glyph), (uint)newGlyf.Length);
            if (!keep[glyph])
                continue;
            newGlyf.Write(glyf[starts[glyph]..starts[glyph + 1]]);
            while (newGlyf.Length % 4 != 0)
                newGlyf.WriteByte(0);
        }
        BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(4 * glyphs), (uint)newGlyf.Length);

        // hmtx with a full metric for every glyph, zero for the dropped ones
        var hhea = Table("hhea").ToArray();
        int metrics = BinaryPrimitives.ReadUInt16BigEndian(hhea.AsSpan(34));
        var hmtx = Table("hmtx");
        var newHmtx = new byte[4 * glyphs];
        for (var glyph = 0; glyph < glyphs; glyph++)
        {
            if (!keep[glyph])
                continue;
            var advance = BinaryPrimitives.ReadUInt16BigEndian(hmtx[(4 * Math.Min(glyph, metrics - 1))..]);
            var lsb = glyph < metrics
                ? BinaryPrimitives.ReadInt16BigEndian(hmtx[(4 * glyph + 2)..])
                : BinaryPrimitives.ReadInt16BigEndian(hmtx[(4 * metrics + 2 * (glyph - metrics))..]);
            BinaryPrimitives.WriteUInt16BigEndian(newHmtx.AsSpan(4 * glyph), advance);
            BinaryPrimitives.WriteInt16BigEndian(newHmtx.AsSpan(4 * glyph + 2), lsb);
        }
        BinaryPrimitives.WriteUInt16BigEndian(hhea.AsSpan(34), (ushort)glyphs);

        var head = Table("head").ToArray();
        BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(50), 1);    // long loca
        BinaryPrimitives.WriteUInt32BigEndian(head.AsSpan(8), 0);    // checkSumAdjustment, set below

        var output = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["cmap"] = Cmap(cmap),
            ["glyf"] = newGlyf.ToArray(),
            ["head"] = head,
            ["hhea"] = hhea,
            ["hmtx"] = newHmtx,
            ["loca"] = newLoca,
            ["post"] = Post(tables.ContainsKey("post") ? Table("post") : []),
        };
        foreach (var tag in Kept.Where(t => tables.ContainsKey(t) && !output.ContainsKey(t)))
            output[tag] = Table(tag).ToArray();
        return Write(output);
    }

    /// <summary>A cmap with one Windows Unicode full-repertoire (3, 10) format 12 subtable.</summary>
    private static byte[] Cmap(IReadOnlyDictionary<int, ushort> cmap)
    {
        var groups = new List<(int Start, int End, int Glyph)>();
        foreach (var (codePoint, glyph) in cmap.Where(p => p.Value != 0).OrderBy(p => p.Key))
        {
            if (groups.Count > 0 && groups[^1].End + 1 == codePoint && groups[^1].Glyph + (codePoint - groups[^1].Start) == glyph)
                groups[^1] = groups[^1] with { End = codePoint };
            else
                groups.Add((codePoint, codePoint, glyph));
        }
        var length = 16 + 12 * groups.Count;
        var bytes = new byte[12 + length];
        var s = bytes.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(s[2..], 1);    // one subtable
        BinaryPrimitives.WriteUInt16BigEndian(s[4..], 3);    // Windows
        BinaryPrimitives.WriteUInt16BigEndian(s[6..], 10);   // Unicode full repertoire
        BinaryPrimitives.WriteUInt32BigEndian(s[8..], 12);
        BinaryPrimitives.WriteUInt16BigEndian(s[12..], 12);  // format 12
        BinaryPrimitives.WriteUInt32BigEndian(s[16..], (uint)length);
        BinaryPrimitives.WriteUInt32BigEndian(s[24..], (uint)groups.Count);
        for (var i = 0; i < groups.Count; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(s[(28 + 12 * i)..], (uint)groups[i].Start);
            BinaryPrimitives.WriteUInt32BigEndian(s[(32 + 12 * i)..], (uint)groups[i].End);
            BinaryPrimitives.WriteUInt32BigEndian(s[(36 + 12 * i)..], (uint)groups[i].Glyph);
        }
        return bytes;
    }

    /// <summary>A version 3 post table (no glyph names), keeping the original's header values.</summary>
    private static byte[] Post(ReadOnlySpan<byte> original)
    {
        var post = new byte[32];
        if (original.Length >= 32)
            original[..32].CopyTo(post);
        BinaryPrimitives.WriteUInt32BigEndian(post, 0x00030000);
        return post;
    }

    private static byte[] Write(SortedDictionary<string, byte[]> tables)
    {
        var count = tables.Count;
        var power = 1;
        var log = 0;
        while (power * 2 <= count)
        {
            power *= 2;
            log++;
        }
        var size = 12 + 16 * count + tables.Values.Sum(t => (t.Length + 3) & ~3);
        var file = new byte[size];
        var f = file.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(f, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(f[4..], (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(f[6..], (ushort)(power * 16));
        BinaryPrimitives.WriteUInt16BigEndian(f[8..], (ushort)log);
        BinaryPrimitives.WriteUInt16BigEndian(f[10..], (ushort)(count * 16 - power * 16));
        var offset = 12 + 16 * count;
        var headOffset = 0;
        var record = 12;
        foreach (var (tag, data) in tables)
        {
            System.Text.Encoding.ASCII.GetBytes(tag, f[record..]);
            BinaryPrimitives.WriteUInt32BigEndian(f[(record + 4)..], Checksum(data));
            BinaryPrimitives.WriteUInt32BigEndian(f[(record + 8)..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(f[(record + 12)..], (uint)data.Length);
            data.CopyTo(f[offset..]);
            if (tag == "head")
                headOffset = offset;
            offset += (data.Length + 3) & ~3;
            record += 16;
        }
        BinaryPrimitives.WriteUInt32BigEndian(f[(headOffset + 8)..], unchecked(0xB1B0AFBA - Checksum(file)));
        return file;
    }

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        var whole = data.Length & ~3;
        for (var i = 0; i < whole; i += 4)
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(data[i..]));
        if (whole < data.Length)
        {
            Span<byte> last = stackalloc byte[4];
            data[whole..].CopyTo(last);
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(last));
        }
        return sum;
    }
}
