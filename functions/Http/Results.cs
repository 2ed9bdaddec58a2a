using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ECourt.Functions.Http;

/// <summary>A JSON answer written with the API's serializer settings, in both hosts.</summary>
public sealed class ApiResult(object? body, int status = 200, string contentType = "application/json; charset=utf-8") : IActionResult
{
    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);

    public ApiResult WithHeader(string name, string value)
    {
        _headers[name] = value;
        return this;
    }

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = status;
        foreach (var (name, value) in _headers) response.Headers[name] = value;
        if (body is null) return;
        response.ContentType = contentType;
        await JsonSerializer.SerializeAsync(response.Body, body, body.GetType(), ApiJson.Options, context.HttpContext.RequestAborted);
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
            response.Headers.Vary = "Accept-Encoding";
        }
        response.ContentLength = content.Length;
        if (fileName is not null)
            response.Headers.ContentDisposition = $"attachment; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";
        await response.Body.WriteAsync(content, context.HttpContext.RequestAborted);
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
