using System.Text;
using NodaTime;
using QRCoder;
using SkiaSharp;

namespace Assessment.Certificates.Documents;

public sealed partial class CertificatePdf
{
    // ---- text: measuring, wrapping and drawing with per-character fallback faces ----

    private readonly record struct Line(string Text, float Indent);

    /// <summary>
    /// Breaks <paramref name="text"/> into lines no wider than <paramref name="width"/>: between any two Chinese
    /// characters, at spaces, inside Latin words only when a word is longer than a line; closing punctuation never
    /// starts a line and opening punctuation never ends one.
    /// </summary>
    private static List<Line> Wrap(Face face, string text, float width, float firstIndent = 0)
    {
        var lines = new List<Line>();
        var current = new StringBuilder();
        var indent = firstIndent;
        void Flush()
        {
            lines.Add(new Line(current.ToString().TrimEnd(), indent));
            current.Clear();
            indent = 0;
        }
        foreach (var unit in Units(text))
        {
            if (current.Length == 0 && unit == " ")
                continue;
            if (face.Measure(current + unit) <= width - indent)
            {
                current.Append(unit);
                continue;
            }
            if (current.Length > 0)
                Flush();
            var piece = unit.TrimStart();
            // a unit wider than a whole line (a long URL or number) is cut wherever it has to be
            while (piece.Length > 0 && face.Measure(piece) > width - indent)
            {
                var fit = face.Fit(piece, width - indent);
                if (fit == 0)
                    fit = Rune.GetRuneAt(piece, 0).Utf16SequenceLength;
                current.Append(piece[..fit]);
                Flush();
                piece = piece[fit..];
            }
            current.Append(piece);
        }
        if (current.Length > 0 || lines.Count == 0)
            Flush();
        return lines;
    }

    private const string NoLineStart = "，。、；：！？）》」』】〕”’·…—,.;:!?)]}%";
    private const string NoLineEnd = "（《「『【〔“‘([{";

    /// <summary>Splits text into unbreakable units: a Chinese character, a space, or a run of other non-space characters.</summary>
    private static List<string> Units(string text)
    {
        var units = new List<string>();
        var word = new StringBuilder();
        var glueNext = false;
        void Add(string unit)
        {
            if (units.Count > 0 && (glueNext || NoLineStart.Contains(unit[0])) && unit != " ")
                units[^1] += unit;
            else
                units.Add(unit);
            glueNext = NoLineEnd.Contains(unit[^1]);
        }
        void FlushWord()
        {
            if (word.Length > 0)
                Add(word.ToString());
            word.Clear();
        }
        foreach (var rune in text.EnumerateRunes())
        {
            var s = rune.ToString();
            if (Rune.IsWhiteSpace(rune))
            {
                FlushWord();
                Add(" ");
            }
            else if (rune.Value < 0x2E80 && !NoLineEnd.Contains(s) && !NoLineStart.Contains(s))
                word.Append(s); // Latin letters, digits and their punctuation stay together
            else
            {
                FlushWord();
                Add(s);
            }
        }
        FlushWord();
        return units;
    }

    /// <summary>
    /// Which face draws a character: the Kai face given (the whole font, or a document's subset of it) when the font
    /// has the glyph, else a fallback face. The layout pass passes <c>used</c> to note the Kai characters.
    /// </summary>
    private sealed class Glyphs(CertificateFonts fonts, SKTypeface kai, HashSet<int>? used)
    {
        public SKTypeface Kai => kai;

        public SKTypeface For(int codePoint)
        {
            var face = fonts.For(codePoint);
            if (!ReferenceEquals(face, fonts.Kai))
                return face;
            used?.Add(codePoint);
            return kai;
        }
    }

    /// <summary>One size of the Kai face, falling back per character to another installed face when Kai lacks a glyph.</summary>
    private sealed class Face(Glyphs glyphs, float size)
    {
        private readonly SKFontMetrics metrics = Metrics(glyphs.Kai, size);

        public float LineHeight => metrics.Descent - metrics.Ascent + metrics.Leading;
        public float Ascent => -metrics.Ascent;
        public float Descent => metrics.Descent;

        private static SKFontMetrics Metrics(SKTypeface face, float size)
        {
            using var font = Font(face, size);
            font.GetFontMetrics(out var metrics);
            return metrics;
        }

        private static SKFont Font(SKTypeface face, float size) =>
            new(face, size) { Hinting = SKFontHinting.None, LinearMetrics = true, Subpixel = true, Edging = SKFontEdging.Antialias };

        /// <summary>Consecutive characters drawn with the same face.</summary>
        private IEnumerable<(SKTypeface Face, string Text)> Runs(string text)
        {
            var run = new StringBuilder();
            SKTypeface? runFace = null;
            foreach (var rune in text.EnumerateRunes())
            {
                var face = glyphs.For(rune.Value);
                if (runFace is not null && !ReferenceEquals(face, runFace))
                {
                    yield return (runFace, run.ToString());
                    run.Clear();
                }
                runFace = face;
                run.Append(rune.ToString());
            }
            if (runFace is not null)
                yield return (runFace, run.ToString());
        }

        public float Measure(string text)
        {
            var width = 0f;
            foreach (var (face, part) in Runs(text))
            {
                using var font = Font(face, size);
                width += font.MeasureText(part);
            }
            return width;
        }

        /// <summary>How many UTF-16 chars of <paramref name="text"/> fit in <paramref name="width"/>.</summary>
        public int Fit(string text, float width)
        {
            var count = 0;
            foreach (var rune in text.EnumerateRunes())
            {
                if (Measure(text[..(count + rune.Utf16SequenceLength)]) > width)
                    break;
                count += rune.Utf16SequenceLength;
            }
            return count;
        }

        public void Draw(SKCanvas canvas, string text, float x, float baseline, SKTextAlign align, SKColor? color = null)
        {
            var width = Measure(text);
            x = align switch
            {
                SKTextAlign.Center => x - width / 2,
                SKTextAlign.Right => x - width,
                _ => x,
            };
            using var paint = new SKPaint { Color = color ?? Ink, IsAntialias = true, Style = SKPaintStyle.Fill };
            foreach (var (face, part) in Runs(text))
            {
                using var font = Font(face, size);
                canvas.DrawText(part, x, baseline, SKTextAlign.Left, font, paint);
                x += font.MeasureText(part);
            }
        }
    }
}
