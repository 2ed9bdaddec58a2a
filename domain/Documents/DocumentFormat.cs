using System.IO.Compression;

namespace ECourt.Domain.Documents;

/// <summary>
/// The formats the court accepts, recognised by content, not by the declared type: PDF, OFD
/// (GB/T 33190, a ZIP package whose root holds OFD.xml), JPEG and PNG.
/// </summary>
public static class DocumentFormat
{
    public const long MaxUploadBytes = 50L * 1024 * 1024;

    public static readonly IReadOnlyDictionary<string, string> AllowedMediaTypes = new Dictionary<string, string>
    {
        ["application/pdf"] = "PDF",
        ["application/ofd"] = "OFD",
        ["image/jpeg"] = "JPEG",
        ["image/png"] = "PNG",
    };

    /// <summary>The media type the content really is, or null when it is none of the allowed formats.</summary>
    public static string? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8)) return "application/pdf";
        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return "image/png";
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "image/jpeg";
        if (content.StartsWith("PK\u0003\u0004"u8) && IsOfdPackage(content)) return "application/ofd";
        return null;
    }

    private static bool IsOfdPackage(ReadOnlySpan<byte> content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content.ToArray()), ZipArchiveMode.Read);
            return zip.Entries.Any(e => string.Equals(e.FullName, "OFD.xml", StringComparison.OrdinalIgnoreCase));
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>Null when a file name is acceptable: no path, no control or bidirectional characters, at most 200 characters.</summary>
    public static string? FileNameProblem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "A file name is required.";
        if (name.Length > 200) return "A file name has at most 200 characters.";
        if (name.IndexOfAny(['/', '\\', ':']) >= 0 || name is "." or ".." || name.Contains("..")) return "A file name cannot contain a path.";
        if (name.Any(char.IsControl)) return "A file name cannot contain control characters.";
        // "‮fdp.exe" would be shown as "exe.pdf".
        if (ReadableText.HasBidiControl(name)) return ReadableText.Problem;
        return null;
    }
}
