using System.Collections.Concurrent;
using SkiaSharp;

namespace Assessment.Certificates.Documents;

/// <summary>
/// The Kai face certificates are printed in (CRT-03 asks for 华文楷体; LXGW WenKai / 霞鹜文楷 is the freely licensed Kai
/// face Debian ships as <c>fonts-lxgw-wenkai</c>). Register one instance as a singleton: it loads the font file once and
/// fails at construction when the font is missing, so a server without the font never hands out a blank certificate.
/// </summary>
public sealed class CertificateFonts : IDisposable
{
    /// <summary>The Debian package holding the font (build.sh installs it).</summary>
    public const string DebianPackage = "fonts-lxgw-wenkai";

    /// <summary>The files tried by the parameterless constructor, first existing one wins.</summary>
    public static IReadOnlyList<string> DefaultPaths { get; } =
    [
        "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf",
        "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Light.ttf",
    ];

    private readonly ConcurrentDictionary<int, SKTypeface> faces = new(); // code point → face drawing it

    /// <summary>Loads LXGW WenKai from <see cref="DefaultPaths"/>.</summary>
    public CertificateFonts() : this(DefaultPaths) { }

    /// <summary>Loads the first existing file of <paramref name="candidatePaths"/>.</summary>
    /// <exception cref="InvalidOperationException">None of the files exists or can be read as a font.</exception>
    public CertificateFonts(IEnumerable<string> candidatePaths)
    {
        ArgumentNullException.ThrowIfNull(candidatePaths);
        var paths = candidatePaths.ToList();
        var path = paths.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                $"找不到证书字体“霞鹜文楷”（LXGW WenKai），请安装 Debian 软件包 {DebianPackage}（apt-get install {DebianPackage}）。" +
                $" Certificate font LXGW WenKai not found (looked for {string.Join(", ", paths)}); install the Debian package {DebianPackage}.");
        Kai = SKTypeface.FromFile(path)
            ?? throw new InvalidOperationException(
                $"无法读取证书字体文件 {path}，请重新安装 Debian 软件包 {DebianPackage}。" +
                $" Cannot load the certificate font file {path}; reinstall the Debian package {DebianPackage}.");
        FontPath = path;
        subsetter = new Lazy<HarfBuzzSubset?>(() => OpenSubsetter(path));
    }

    private readonly Lazy<HarfBuzzSubset?> subsetter;

    private static HarfBuzzSubset? OpenSubsetter(string path)
    {
        try
        {
            return new HarfBuzzSubset(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is NotSupportedException or DllNotFoundException or EntryPointNotFoundException)
        {
            return null; // no HarfBuzz or an unusual font file: embedding the font whole is bigger but still right
        }
    }

    /// <summary>The loaded Kai face.</summary>
    public SKTypeface Kai { get; }

    /// <summary>The file <see cref="Kai"/> was loaded from.</summary>
    public string FontPath { get; }

    /// <summary>
    /// The face to draw one code point with: the Kai face when it has the glyph, otherwise whatever installed face the
    /// system font manager finds for it (rare characters in names), otherwise the Kai face anyway.
    /// </summary>
    public SKTypeface For(int codePoint) => faces.GetOrAdd(codePoint, Resolve);

    private SKTypeface Resolve(int codePoint)
    {
        using var kai = new SKFont(Kai);
        return kai.ContainsGlyph(codePoint) ? Kai : SKFontManager.Default.MatchCharacter(codePoint) ?? Kai;
    }

    /// <summary>
    /// A face holding only the Kai glyphs of <paramref name="codePoints"/>, with the same glyph ids and metrics, for Skia
    /// to embed instead of the whole 15 MB font; null when the font file cannot be subset (then embed <see cref="Kai"/>).
    /// The caller disposes it once the document is closed.
    /// </summary>
    internal SKTypeface? Subset(IEnumerable<int> codePoints)
    {
        if (subsetter.Value is not { } harfBuzz)
            return null;
        byte[] subset;
        try
        {
            subset = harfBuzz.Create(codePoints);
        }
        catch (NotSupportedException)
        {
            return null;
        }
        using var data = SKData.CreateCopy(subset);
        return SKTypeface.FromData(data);
    }

    public void Dispose()
    {
        foreach (var face in faces.Values.Distinct().Where(f => !ReferenceEquals(f, Kai)))
            face.Dispose();
        Kai.Dispose();
        if (subsetter.IsValueCreated)
            subsetter.Value?.Dispose();
    }
}
