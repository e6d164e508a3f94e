using System.Globalization;
using Microsoft.AspNetCore.Http.Features;

namespace Grants.Shared;

/// <summary>
/// Reads the one file of a multipart upload, answering every client mistake as a field error: not multipart,
/// no boundary, a header the parser refuses (a '"' in the file name), a body larger than the limit (413).
/// </summary>
public static class FormBody
{
    /// <summary>Room for the multipart framing and the other fields around the file.</summary>
    private const long FramingBytes = 64 * 1024;

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public static async Task<Outcome<IFormCollection>> ReadAsync(HttpRequest request, string field, long maxFileBytes, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (!request.HasFormContentType)
        {
            errors.Add(field, $"Bilagan måste skickas som multipart/form-data med fältet \"{field}\".");
            return Outcome<IFormCollection>.Invalid(errors);
        }
        if (request.ContentLength is { } length && length > maxFileBytes + FramingBytes)
        {
            errors.Add(field, TooLargeMessage(length, maxFileBytes));
            return Outcome<IFormCollection>.TooLarge(errors);
        }
        // A body without Content-Length (chunked) is cut off at the same size while it is read.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = maxFileBytes + FramingBytes;
        try
        {
            return Outcome<IFormCollection>.Ok(await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = maxFileBytes + FramingBytes }, ct));
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or BadHttpRequestException { StatusCode: not StatusCodes.Status413PayloadTooLarge })
        {
            errors.Add(field, "Bilagan kunde inte läsas: skicka den som multipart/form-data med en boundary och ett filnamn utan citattecken.");
            return Outcome<IFormCollection>.Invalid(errors);
        }
        catch (BadHttpRequestException)
        {
            errors.Add(field, $"Filen är för stor, högst {Megabytes(maxFileBytes)} är tillåtet.");
            return Outcome<IFormCollection>.TooLarge(errors);
        }
    }

    /// <summary>"Filen är för stor: 10,5 MB, högst 10 MB är tillåtet." (1 MB = 1 048 576 byte, as the limit is set.)</summary>
    public static string TooLargeMessage(long bytes, long maxBytes) =>
        $"Filen är för stor: {(bytes / 1048576.0).ToString("0.0", Swedish)} MB, högst {Megabytes(maxBytes)} är tillåtet.";

    private static string Megabytes(long bytes) => $"{(bytes / 1048576.0).ToString("0.#", Swedish)} MB";
}
