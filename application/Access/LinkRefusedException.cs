namespace ECourt.Application.Access;

/// <summary>A signed link (a notice's, to open a document) was changed or not issued by the court (403), or has expired (410).</summary>
public sealed class LinkRefusedException(bool expired) : Exception(expired ? "The link has expired." : "The link is not valid.")
{
    public bool Expired { get; } = expired;
}
