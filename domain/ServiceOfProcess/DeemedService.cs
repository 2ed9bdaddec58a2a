namespace ECourt.Domain.ServiceOfProcess;

/// <summary>Which rule made a service complete; recorded on its certificate.</summary>
public enum ServiceRule
{
    /// <summary>To an address the recipient gave or confirmed: served when the notice reached the recipient's system (the provider's delivery report).</summary>
    DeliveredToConfirmedAddress,
    /// <summary>To an address the court found itself: served when the recipient opened the document or acted.</summary>
    ReadAtFoundAddress,
    /// <summary>Post returned from a confirmed address counts as served on the day it is returned.</summary>
    PostReturnedFromConfirmedAddress,
    /// <summary>Post received (the postal receipt signed).</summary>
    PostReceived,
    /// <summary>Public notice: deemed served 30 days after the last posting (CPL art. 95).</summary>
    PublicNoticeElapsed,
}

/// <summary>
/// When electronic and postal service is complete (DOMAIN.md; SPC CPL Interpretation on electronic service):
/// evidence that does not complete service under the address's rule leaves the service open.
/// </summary>
public static class DeemedService
{
    public static ServiceRule? RuleFor(ServiceStep step, ServiceEvidenceKind evidence) => (step.Method, step.Confirmed, evidence) switch
    {
        (ServiceMethod.Sms or ServiceMethod.Email or ServiceMethod.Inbox, true, ServiceEvidenceKind.Delivered) => ServiceRule.DeliveredToConfirmedAddress,
        (ServiceMethod.Sms or ServiceMethod.Email or ServiceMethod.Inbox, _, ServiceEvidenceKind.Read) => ServiceRule.ReadAtFoundAddress,
        (ServiceMethod.Post, _, ServiceEvidenceKind.Received) => ServiceRule.PostReceived,
        (ServiceMethod.Post, true, ServiceEvidenceKind.Returned) => ServiceRule.PostReturnedFromConfirmedAddress,
        _ => null,
    };
}

/// <summary>What the court learned about one attempt.</summary>
public enum ServiceEvidenceKind
{
    /// <summary>The provider reports the notice reached the recipient's phone or mailbox, or the document reached the recipient's platform inbox.</summary>
    Delivered,
    /// <summary>The recipient opened the document in the inbox (read receipt) or acted on it.</summary>
    Read,
    /// <summary>The provider reports it could not deliver (invalid number, bounced address): move on at once.</summary>
    Failed,
    /// <summary>The postal receipt came back signed.</summary>
    Received,
    /// <summary>The post came back undelivered.</summary>
    Returned,
}
