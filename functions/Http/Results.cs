using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ECourt.Functions.Http;

/// <summary>
/// A JSON answer written with the API's serializer settings, in both hosts. A read's answer (and any answer about a case) carries
/// its strong ETag, and a read whose If-None-Match names it is answered 304 without a body (<see cref="AnswerCaching"/>).
/// </summary>
public sealed class ApiResult(object? body, int status = 200, string contentType = "application/json; charset=utf-8") : IActionResult
{
    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);

    private int? _caseVersion;

    public int Status => status;

    public ApiResult WithHeader(string name, string value)
    {
        _headers[name] = value;
        return this;
    }

    /// <summary>The answer is the case at <paramref name="version"/>: its ETag leads with the version, which If-Match names.</summary>
    public ApiResult OfCase(int version)
    {
        _caseVersion = version;
        return this;
    }

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var request = context.HttpContext.Request;
        var response = context.HttpContext.Response;
        response.StatusCode = status;
        foreach (var (name, value) in _headers) response.Headers[name] = value;
        if (body is null) return;
        using var buffer = new PooledBuffer();
        // A serializer writing to a writer takes the writer's encoder, not its options' one.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ApiJson.Options.Encoder }))
            JsonSerializer.Serialize(writer, body, body.GetType(), ApiJson.Options);
        var read = HttpMethods.IsGet(request.Method) && status == StatusCodes.Status200OK;
        if (status < 300 && (read || _caseVersion is not null))
        {
            var tag = AnswerCaching.Tag(buffer.Written.Span, _caseVersion);
            response.Headers.ETag = tag;
            if (read && AnswerCaching.NoneMatchFails(request, tag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }
        response.ContentType = contentType;
        response.ContentLength = buffer.Written.Length;
        await response.Body.WriteAsync(buffer.Written, context.HttpContext.RequestAborted);
    }

    /// <summary>The answer's bytes, in arrays borrowed from the shared pool: a tag needs them whole before they are sent.</summary>
    private sealed class PooledBuffer : IBufferWriter<byte>, IDisposable
    {
        private byte[] _array = ArrayPool<byte>.Shared.Rent(4096);
        private int _length;

        public ReadOnlyMemory<byte> Written => _array.AsMemory(0, _length);

        public void Advance(int count) => _length += count;

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Grow(sizeHint);
            return _array.AsMemory(_length);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Grow(sizeHint);
            return _array.AsSpan(_length);
        }

        private void Grow(int sizeHint)
        {
            if (_array.Length - _length >= Math.Max(sizeHint, 1)) return;
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_array.Length * 2, _length + sizeHint));
            _array.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_array);
            _array = larger;
        }

        public void Dispose() => ArrayPool<byte>.Shared.Return(_array);
    }
}

/// <summary>Bytes with their media type.</summary>
public sealed class BytesResult(byte[] content, string contentType, string? fileName, string? contentEncoding = null) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = 200;
        response.ContentType = contentType;
        if (contentEncoding is not null)
        {
            response.Headers.ContentEncoding = contentEncoding;
            response.Headers.Append("Vary", "Accept-Encoding");
        }
        response.ContentLength = content.Length;
        if (fileName is not null)
            response.Headers.ContentDisposition = $"attachment; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";
        await response.Body.WriteAsync(content, context.HttpContext.RequestAborted);
    }
}

/// <summary>A stream with its media type and length (a file written for the answer), sent and then disposed.</summary>
public sealed class StreamResult(Stream content, string contentType, string? fileName) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        await using (content)
        {
            var response = context.HttpContext.Response;
            response.StatusCode = 200;
            response.ContentType = contentType;
            response.ContentLength = content.Length - content.Position;
            if (fileName is not null)
                response.Headers.ContentDisposition = $"attachment; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";
            await content.CopyToAsync(response.Body, context.HttpContext.RequestAborted);
        }
    }
}

/// <summary>Text already serialised, such as the OpenAPI document.</summary>
public sealed class TextResult(string text, string contentType) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = 200;
        response.ContentType = contentType;
        await response.WriteAsync(text, context.HttpContext.RequestAborted);
    }
}
