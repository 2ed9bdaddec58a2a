using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ECourt.Application.Documents;

/// <summary>Filing and reading a case's documents, and the documents the court issues.</summary>
public static class DocumentsRegistration
{
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.TryAddSingleton<UploadDocument>();
        services.TryAddSingleton<DownloadDocument>();
        services.TryAddSingleton<VisibleDocuments>();
        services.TryAddSingleton<CaseFileIndex>();
        services.TryAddSingleton<ReadAccessLog>();
        services.TryAddSingleton<IssueCourtDocument>();
        return services;
    }
}
