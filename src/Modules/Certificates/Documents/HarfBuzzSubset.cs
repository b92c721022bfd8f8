using System.Runtime.InteropServices;

namespace Assessment.Certificates.Documents;

/// <summary>
/// Cuts the Kai font down to the glyphs a document uses with HarfBuzz's subsetter (<c>hb_subset</c>), which the native
/// library of the <c>HarfBuzzSharp.NativeAssets.Linux</c> package (MIT) exports but HarfBuzzSharp's managed API does not
/// wrap; hence these few bindings. SkiaSharp's PDF backend embeds fonts whole (the 15 MB Kai face) without it.
/// Glyph ids are renumbered (Skia maps characters through the subset's own cmap); advances and outlines are unchanged, so
/// text lays out exactly as with the full font.
/// </summary>
internal sealed class HarfBuzzSubset : IDisposable
{
    private const string Library = "libHarfBuzzSharp";
    private const int ReadOnlyMemory = 1; // HB_MEMORY_MODE_READONLY
    private const uint DefaultFlags = 0; // HB_SUBSET_FLAGS_DEFAULT: renumbered glyph ids, hinting kept
    private const int DropTableSet = 3; // HB_SUBSET_SETS_DROP_TABLE_TAG

    // A PDF draws positioned glyphs: layout (shaping) and vertical-metrics tables are never read from an embedded font.
    private static readonly string[] Unused = ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "vhea", "vmtx", "VORG"];

    private readonly Lock gate = new(); // documents render in parallel; one subset at a time keeps HarfBuzz's face caches safe
    private readonly GCHandle pinned;
    private readonly IntPtr face;

    /// <param name="font">The whole font file; it stays pinned while this instance lives.</param>
    /// <exception cref="NotSupportedException">HarfBuzz cannot read the file as a font.</exception>
    public HarfBuzzSubset(byte[] font)
    {
        pinned = GCHandle.Alloc(font, GCHandleType.Pinned);
        var blob = hb_blob_create(pinned.AddrOfPinnedObject(), (uint)font.Length, ReadOnlyMemory, 0, 0);
        var whole = hb_face_create(blob, 0);
        hb_blob_destroy(blob);
        // Preprocessing builds HarfBuzz's lookup tables once instead of on every subset (the font is subset per chunk).
        face = hb_subset_preprocess(whole);
        hb_face_destroy(whole);
        if (hb_face_get_glyph_count(face) == 0)
        {
            Dispose();
            throw new NotSupportedException("HarfBuzz found no glyphs in the font file.");
        }
    }

    /// <summary>HarfBuzz's version, for the README's record and diagnostics.</summary>
    public static string Version => Marshal.PtrToStringAnsi(hb_version_string()) ?? "?";

    /// <summary>A font file holding the outlines of <paramref name="codePoints"/> only (plus .notdef).</summary>
    /// <exception cref="NotSupportedException">HarfBuzz could not subset the font.</exception>
    public byte[] Create(IEnumerable<int> codePoints)
    {
        lock (gate)
            return CreateLocked(codePoints);
    }

    private byte[] CreateLocked(IEnumerable<int> codePoints)
    {
        var input = hb_subset_input_create_or_fail();
        if (input == 0)
            throw new NotSupportedException("hb_subset_input_create_or_fail failed.");
        try
        {
            var unicodes = hb_subset_input_unicode_set(input);
            foreach (var codePoint in codePoints)
                hb_set_add(unicodes, (uint)codePoint);
            var drop = hb_subset_input_set(input, DropTableSet);
            foreach (var table in Unused)
                hb_set_add(drop, Tag(table));
            hb_subset_input_set_flags(input, DefaultFlags);
            var subset = hb_subset_or_fail(face, input);
            if (subset == 0)
                throw new NotSupportedException("hb_subset_or_fail failed.");
            try
            {
                var blob = hb_face_reference_blob(subset);
                try
                {
                    var data = hb_blob_get_data(blob, out var length);
                    var bytes = new byte[length];
                    Marshal.Copy(data, bytes, 0, (int)length);
                    return bytes;
                }
                finally { hb_blob_destroy(blob); }
            }
            finally { hb_face_destroy(subset); }
        }
        finally { hb_subset_input_destroy(input); }
    }

    private static uint Tag(string table) => (uint)(table[0] << 24 | table[1] << 16 | table[2] << 8 | table[3]);

    public void Dispose()
    {
        if (face != 0)
            hb_face_destroy(face);
        if (pinned.IsAllocated)
            pinned.Free();
    }

    [DllImport(Library)] private static extern IntPtr hb_blob_create(IntPtr data, uint length, int mode, IntPtr user, IntPtr destroy);
    [DllImport(Library)] private static extern void hb_blob_destroy(IntPtr blob);
    [DllImport(Library)] private static extern IntPtr hb_blob_get_data(IntPtr blob, out uint length);
    [DllImport(Library)] private static extern IntPtr hb_face_create(IntPtr blob, uint index);
    [DllImport(Library)] private static extern void hb_face_destroy(IntPtr face);
    [DllImport(Library)] private static extern uint hb_face_get_glyph_count(IntPtr face);
    [DllImport(Library)] private static extern IntPtr hb_face_reference_blob(IntPtr face);
    [DllImport(Library)] private static extern IntPtr hb_subset_input_create_or_fail();
    [DllImport(Library)] private static extern void hb_subset_input_destroy(IntPtr input);
    [DllImport(Library)] private static extern IntPtr hb_subset_input_unicode_set(IntPtr input);
    [DllImport(Library)] private static extern IntPtr hb_subset_input_set(IntPtr input, int setType);
    [DllImport(Library)] private static extern void hb_subset_input_set_flags(IntPtr input, uint flags);
    [DllImport(Library)] private static extern IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);
    [DllImport(Library)] private static extern IntPtr hb_subset_preprocess(IntPtr face);
    [DllImport(Library)] private static extern void hb_set_add(IntPtr set, uint codePoint);
    [DllImport(Library)] private static extern IntPtr hb_version_string();
}
